import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { ApiCaller } from './api/authenticate';
import type { CountedRequest } from './store/request-log';
import type { SandboxStore } from './store/sandbox-store';

const REGIONAL_PATH = /^\/(us|eu|ca|au)\/(oauth\/(?:authorize|token|deauthorize)|api\/v4(\/.*)?)$/;

/** Classifies a finished request for the counts, or returns null for admin and unknown paths. */
function classify(req: Request, res: Response): CountedRequest | null {
  const path = req.originalUrl.split('?')[0] ?? '';
  const match = REGIONAL_PATH.exec(path);
  if (!match) return null;
  const [, region = '', route = '', apiPath] = match;
  const status = res.statusCode;

  if (route === 'oauth/token') {
    const grantType: unknown = req.body?.grant_type;
    return { kind: 'token', key: typeof grantType === 'string' ? grantType : 'missing', region, status };
  }
  if (route.startsWith('oauth/')) return { kind: 'oauth', key: `${req.method} /${route}`, region, status };

  // Numeric path segments become {id}, so every matter counts under GET /matters/{id}.json.
  const template = (apiPath ?? '/').replace(/\/\d+(?=\.json$|\/)/g, '/{id}');
  const caller = res.locals.caller as ApiCaller | undefined;
  return { kind: 'api', key: `${req.method} ${template}`, region, status, accountId: caller?.account.id };
}

/**
 * Creates middleware that records every OAuth and API request in the store's request log once it
 * finishes, and logs each rejected request at debug level. The query string is left out of the
 * log because it can carry an authorization code's state.
 */
export function createRequestCounting(store: SandboxStore, logger: Logger) {
  return function countRequest(req: Request, res: Response, next: NextFunction): void {
    res.on('finish', () => {
      const counted = classify(req, res);
      if (counted) store.requests.record(counted);
      if (res.statusCode >= 400) {
        const path = req.originalUrl.split('?')[0];
        logger.debug({ method: req.method, path, status: res.statusCode, accountId: counted?.accountId }, 'request rejected');
      }
    });
    next();
  };
}
