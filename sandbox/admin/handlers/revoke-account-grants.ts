import type { Request, Response } from 'express';
import type { SandboxStore } from '../../store/sandbox-store';
import { parseIdParam } from '../admin-errors';

/**
 * Creates the handler of POST /_admin/accounts/:accountId/revoke, which revokes every grant of the
 * account, as a user disconnecting the app in Clio does: its access and refresh tokens stop working.
 */
export function createRevokeAccountGrantsHandler(store: SandboxStore) {
  return function revokeAccountGrants(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);

    const revokedGrants = store.revokeAccountGrants(accountId);

    res.json({ accountId, revokedGrants });
  };
}
