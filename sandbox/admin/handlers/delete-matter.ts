import type { Request, Response } from 'express';
import { deleteMatter, restoreMatter } from '../../store/matter-changes';
import { summarizeMatter } from '../../store/matter-summary';
import type { SandboxStore } from '../../store/sandbox-store';
import { parseIdParam } from '../admin-errors';

/**
 * Creates the handler of DELETE /_admin/accounts/:accountId/matters/:matterId. The matter
 * disappears from lists and its show request returns 404, with no tombstone, as in Clio.
 */
export function createDeleteMatterHandler(store: SandboxStore) {
  return function deleteAccountMatter(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);
    const matterId = parseIdParam('matterId', req.params.matterId);

    const { account, index } = store.getLiveMatter(accountId, matterId);
    deleteMatter(account, index);

    res.json({ matterId, deleted: true });
  };
}

/**
 * Creates the handler of POST /_admin/accounts/:accountId/matters/:matterId/restore, which brings a
 * deleted matter back unchanged and responds with its summary. A live matter gets 409.
 */
export function createRestoreMatterHandler(store: SandboxStore) {
  return function restoreAccountMatter(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);
    const matterId = parseIdParam('matterId', req.params.matterId);

    const account = store.getAccount(accountId);
    const index = restoreMatter(account, matterId);

    res.json(summarizeMatter(account, index));
  };
}
