import type { Request, Response } from 'express';
import { z } from 'zod';
import type { SandboxStore } from '../../store/sandbox-store';
import { invalidRequestFrom, parseIdParam } from '../admin-errors';

const moveStageBody = z.object({ matterStageId: z.number().int().positive().nullable() }).strict();

/**
 * Creates the handler of POST /_admin/accounts/:accountId/matters/:matterId/stage with body
 * `{"matterStageId": id | null}`. It moves the matter to a stage of its practice area (null
 * leaves it without a stage) and bumps updated_at, matter_stage_updated_at and the etag.
 */
export function createMoveMatterStageHandler(store: SandboxStore) {
  return function moveMatterStage(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);
    const matterId = parseIdParam('matterId', req.params.matterId);
    const input: unknown = req.body ?? {};
    const parsed = moveStageBody.safeParse(input);
    if (!parsed.success) throw invalidRequestFrom(parsed.error, input);

    const moved = store.moveMatterStage(accountId, matterId, parsed.data.matterStageId);

    res.json(moved);
  };
}
