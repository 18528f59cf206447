import type { Request, Response } from 'express';
import { z } from 'zod';
import { MATTER_STATUSES, type MatterStatus } from '../../data/matter-table';
import { setMatterStatus } from '../../store/matter-changes';
import { summarizeMatter } from '../../store/matter-summary';
import type { SandboxStore } from '../../store/sandbox-store';
import { invalidRequestFrom, parseIdParam } from '../admin-errors';

/** Takes Clio's capitalized statuses and the lowercase form of the list filter. */
const statusBody = z
  .object({
    status: z.string().transform((value, context): MatterStatus => {
      const status = MATTER_STATUSES.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
      if (status) return status;
      context.addIssue({ code: z.ZodIssueCode.custom, message: `expected one of ${MATTER_STATUSES.join(', ')}` });
      return z.NEVER;
    }),
  })
  .strict();

/**
 * Creates the handler of POST /_admin/accounts/:accountId/matters/:matterId/status with body
 * `{"status": "Open" | "Pending" | "Closed"}`, which closes, reopens or pends a matter. It responds
 * with the matter's summary and whether the status changed.
 */
export function createSetMatterStatusHandler(store: SandboxStore) {
  return function setStatus(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);
    const matterId = parseIdParam('matterId', req.params.matterId);
    const input: unknown = req.body ?? {};
    const parsed = statusBody.safeParse(input);
    if (!parsed.success) throw invalidRequestFrom(parsed.error, input);

    const { account, index } = store.getLiveMatter(accountId, matterId);
    const changed = setMatterStatus(account, index, parsed.data.status, store.nowMs());

    res.json({ ...summarizeMatter(account, index), changed });
  };
}
