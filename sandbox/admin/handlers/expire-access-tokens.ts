import type { Request, Response } from 'express';
import type { SandboxStore } from '../../store/sandbox-store';
import { parseIdParam } from '../admin-errors';

/**
 * Creates the handler of POST /_admin/accounts/:accountId/expire-access-tokens, which makes every
 * access token of the account expire now. Refresh tokens keep working.
 */
export function createExpireAccessTokensHandler(store: SandboxStore) {
  return function expireAccessTokens(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);

    const expiredAccessTokens = store.expireAccessTokens(accountId);

    res.json({ accountId, expiredAccessTokens });
  };
}
