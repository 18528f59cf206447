import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../../lib/logger';

/** An incoming X-Request-Id is reused only when it is short and plain, so it cannot forge log lines. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Logs the matched route pattern, never the raw path or query: a sign-in path carries its token,
 * and the OAuth callback's query carries the authorization code.
 */
function routeOf(req: Request): string {
  if (req.route && typeof req.route.path === 'string') {
    return `${req.baseUrl}${req.route.path}`;
  }
  return '(no route)';
}

/** Gives each request an id and a child logger, echoes the id in X-Request-Id, and logs every response. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    req.requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    req.log = logger.child({ requestId: req.requestId });
    res.setHeader('X-Request-Id', req.requestId);

    const startedAt = performance.now();
    res.on('finish', () => {
      const fields = { method: req.method, route: routeOf(req), status: res.statusCode, durationMs: Math.round(performance.now() - startedAt) };
      req.log.info(fields, 'request finished');
    });
    next();
  };
}
