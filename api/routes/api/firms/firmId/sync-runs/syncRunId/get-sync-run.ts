import type { RequestHandler } from 'express';
import { z } from 'zod';
import { SyncRun } from '../../../../../../../lib/models';
import { sendError } from '../../../../../../errors';
import { firmRoute } from '../../../../../../firm-route';
import { toSyncRunView } from '../../../../../../resource-views';
import { emptyObjectSchema, firmIdSchema } from '../../../../../../schemas';
import type { RequestSchemas } from '../../../../../../validation';

const paramsSchema = z.object({
  firmId: firmIdSchema,
  syncRunId: z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, 'must be a sync run id: letters, digits and . _ : -'),
}).strict();

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const getSyncRunRequest = { params: paramsSchema, query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** GET /api/firms/:firmId/sync-runs/:syncRunId: one sync run with its counts and progress. */
export function getSyncRun(): RequestHandler {
  return firmRoute(getSyncRunRequest, async ({ input, firm }, _req, res) => {
    const doc = await SyncRun.findOne({ _id: input.params.syncRunId, firmId: firm.id }).lean();

    if (!doc) {
      sendError(res, 'sync_run_not_found', `No sync run "${input.params.syncRunId}" exists for firm ${firm.id}.`);
      return;
    }
    res.json(toSyncRunView(doc));
  });
}
