import express, { type Express } from 'express';
import type { AppDeps, RouteDeps } from './app-deps';
import { handleApiError, handlePageError } from './middleware/error-handlers';
import { requestLog } from './middleware/request-log';
import { securityHeaders } from './middleware/security-headers';
import { createSessionMiddleware, usesHttps } from './middleware/session';
import { createClioPassport } from './oauth/clio-strategies';
import { createApiRouter } from './routes/api-router';
import { getHealth } from './routes/get-health';
import { createPageRouter } from './routes/page-router';
import { MongooseSessionStore } from './session-store';
import './request-context';

/**
 * Creates the CaseBridge web app: the JSON API under /api, the settings pages and staff console,
 * sign-in links, the Clio OAuth routes and /healthz. It opens no connection itself: the database
 * must already be connected, and every workflow message goes through `deps.integrations`.
 */
export function createApp(deps: AppDeps): Express {
  const now = deps.now ?? (() => new Date());
  const routeDeps: RouteDeps = {
    config: deps.config,
    credentials: deps.credentials,
    integrations: deps.integrations,
    logger: deps.logger,
    now,
    passport: createClioPassport(deps.config),
  };

  const app = express();
  app.disable('x-powered-by');
  if (usesHttps(deps.config)) {
    // The app listens on 127.0.0.1 behind a TLS proxy; trusting it lets req.secure allow the secure cookie.
    app.set('trust proxy', 'loopback');
  }

  app.use(requestLog(deps.logger));
  app.use(securityHeaders());
  app.get('/healthz', getHealth());
  app.use(createSessionMiddleware(deps.config, deps.sessionStore ?? new MongooseSessionStore(now)));
  app.use('/api', createApiRouter(routeDeps));
  app.use(createPageRouter(routeDeps));

  // Errors raised before a router runs, such as a failing session store, end here instead of in Express's default handler.
  app.use('/api', handleApiError());
  app.use(handlePageError());
  return app;
}
