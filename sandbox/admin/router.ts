import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { SandboxError } from '../store/sandbox-error';
import type { SandboxStore } from '../store/sandbox-store';
import { sendAdminError } from './admin-errors';
import { createClearFaultsHandler, createGetFaultsHandler, createSetFaultsHandler } from './handlers/account-faults';
import { createAddMatterHandler } from './handlers/add-matter';
import { createCreateAccountHandler } from './handlers/create-account';
import { createDeleteMatterHandler, createRestoreMatterHandler } from './handlers/delete-matter';
import { createEditContactHandler } from './handlers/edit-contact';
import { createExpireAccessTokensHandler } from './handlers/expire-access-tokens';
import { createListAccountsHandler } from './handlers/list-accounts';
import { createListTokensHandler } from './handlers/list-tokens';
import { createMoveMatterStageHandler } from './handlers/move-matter-stage';
import { createGetRequestCountsHandler, createResetRequestCountsHandler } from './handlers/request-counts';
import { createRevokeAccountGrantsHandler } from './handlers/revoke-account-grants';
import { createSetCustomFieldValueHandler } from './handlers/set-custom-field-value';
import { createSetMatterStatusHandler } from './handlers/set-matter-status';
import { createGetRateLimitHandler, createSetRateLimitHandler } from './handlers/set-rate-limit';
import { createTouchMattersHandler } from './handlers/touch-matters';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function allowLoopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '')) {
    next();
    return;
  }
  sendAdminError(res, 'forbidden', `The admin API accepts requests from loopback addresses only, not from ${req.socket.remoteAddress ?? 'an unknown address'}.`);
}

/**
 * Builds the router mounted at /_admin: JSON in and out, no authentication, loopback clients only.
 * Bad input gets 400 or 404 with `{"error":{"code","message"}}`.
 */
export function createAdminRouter(store: SandboxStore, logger: Logger): Router {
  const router = Router();
  router.use(allowLoopbackOnly);
  router.use(express.json({ limit: '64kb' }));

  router.post('/accounts', createCreateAccountHandler(store));
  router.get('/accounts', createListAccountsHandler(store));
  router.post('/accounts/:accountId/revoke', createRevokeAccountGrantsHandler(store));
  router.post('/accounts/:accountId/expire-access-tokens', createExpireAccessTokensHandler(store));
  router.post('/accounts/:accountId/matters', createAddMatterHandler(store));
  router.post('/accounts/:accountId/matters/touch', createTouchMattersHandler(store));
  router.post('/accounts/:accountId/matters/:matterId/stage', createMoveMatterStageHandler(store));
  router.post('/accounts/:accountId/matters/:matterId/status', createSetMatterStatusHandler(store));
  router.post('/accounts/:accountId/matters/:matterId/custom-field-values', createSetCustomFieldValueHandler(store));
  router.delete('/accounts/:accountId/matters/:matterId', createDeleteMatterHandler(store));
  router.post('/accounts/:accountId/matters/:matterId/restore', createRestoreMatterHandler(store));
  router.post('/accounts/:accountId/contacts/:contactId', createEditContactHandler(store));
  router.get('/accounts/:accountId/faults', createGetFaultsHandler(store));
  router.post('/accounts/:accountId/faults', createSetFaultsHandler(store));
  router.delete('/accounts/:accountId/faults', createClearFaultsHandler(store));
  router.get('/requests', createGetRequestCountsHandler(store));
  router.post('/requests/reset', createResetRequestCountsHandler(store));
  router.get('/tokens', createListTokensHandler(store));
  router.get('/rate-limit', createGetRateLimitHandler(store));
  router.put('/rate-limit', createSetRateLimitHandler(store));

  router.use((req: Request, res: Response) => {
    sendAdminError(res, 'route_not_found', `No admin route ${req.method} /_admin${req.path}.`);
  });
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (error instanceof SandboxError) {
      logger.debug({ code: error.code, path: req.path }, 'admin request rejected');
      sendAdminError(res, error.code, error.message);
      return;
    }
    const { status, body } = error as { status?: unknown; body?: unknown };
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const bare = bareJsonValue(body);
      const message = bare ? `The request body is a JSON ${bare}; send a JSON object.` : `The request body is not valid JSON of at most 64 kB: ${(error as Error).message}.`;
      sendAdminError(res, 'invalid_request', message);
      return;
    }
    next(error);
  });
  return router;
}

/** Returns the JSON type of a body that parses but is not an object or array (such as `null`), or null. */
function bareJsonValue(body: unknown): string | null {
  if (typeof body !== 'string') {
    return null;
  }
  try {
    const value: unknown = JSON.parse(body);
    return value === null ? 'null' : typeof value;
  } catch {
    return null;
  }
}
