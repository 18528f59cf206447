import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { createAdminRouter } from './admin/router';
import { createApiRouter } from './api/router';
import { createOAuthRouter } from './oauth/router';
import type { ResolvedSandboxOptions } from './options';
import { REGIONS, isRegion } from './regions';
import { createRequestCounting } from './request-counting';
import type { SandboxStore } from './store/sandbox-store';

function requireRegion(req: Request, res: Response, next: NextFunction): void {
  if (isRegion(req.params.region)) {
    next();
    return;
  }
  res.status(404).json({ error: { type: 'NotFound', message: `"${req.params.region}" is not a region; use one of ${REGIONS.join(', ')}.` } });
}

/**
 * Builds the sandbox's Express application: /_admin, then /{region}/oauth and /{region}/api/v4
 * for each of the four regions.
 */
export function createSandboxApp(store: SandboxStore, options: ResolvedSandboxOptions): express.Express {
  const app = express();
  // The API handlers set Clio-style etags and handle conditional GETs, so Express's own ETag is off.
  app.set('etag', false);
  app.disable('x-powered-by');
  app.use(createRequestCounting(store, options.logger));

  app.use('/_admin', createAdminRouter(store, options.logger));
  const regional = Router({ mergeParams: true });
  regional.use(
    '/oauth',
    createOAuthRouter({
      store,
      client: { clientId: options.clientId, clientSecret: options.clientSecret, appName: options.appName },
      refreshResponseIncludesRefreshToken: options.refreshResponseIncludesRefreshToken,
      logger: options.logger,
    }),
  );
  regional.use('/api/v4', createApiRouter(store));
  app.use('/:region', requireRegion, regional);

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: { type: 'NotFound', message: `No route ${req.method} ${req.path}; paths start with /{region} (${REGIONS.join(', ')}) or /_admin.` } });
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // Body parsers mark malformed or oversized bodies with a 4xx status.
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ error: { type: 'BadRequest', message: `The request body could not be read: ${(error as Error).message}.` } });
      return;
    }
    options.logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    res.status(500).json({ error: { type: 'InternalError', message: 'The sandbox failed on this request; its log has the details.' } });
  });
  return app;
}
