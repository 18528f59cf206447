import type { Request, Response } from 'express';
import { z } from 'zod';
import { touchMatters } from '../../store/matter-changes';
import type { SandboxStore } from '../../store/sandbox-store';
import { invalidRequestFrom, parseIdParam } from '../admin-errors';

const touchBody = z.object({ count: z.number().int().min(1).max(200_000) }).strict();

/**
 * Creates the handler of POST /_admin/accounts/:accountId/matters/touch with body `{"count": n}`.
 * It bumps updated_at and the etag of n live matters, as edits in Clio Manage do, and responds
 * with `{"matterIds": [...], "updatedAt": "…"}` so incremental-sync tests know what changed.
 */
export function createTouchMattersHandler(store: SandboxStore) {
  return function touchAccountMatters(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);
    const input: unknown = req.body ?? {};
    const parsed = touchBody.safeParse(input);
    if (!parsed.success) throw invalidRequestFrom(parsed.error, input);

    const touched = touchMatters(store.getAccount(accountId), parsed.data.count, store.nowMs());

    res.json(touched);
  };
}
