import type { RequestHandler } from 'express';
import { z } from 'zod';
import { SyncRun } from '../../../../../../../lib/models';
import { sendError } from '../../../../../../errors';
import { findAccessibleFirm } from '../../../../../../firm-access';
import { requireCaller } from '../../../../../../request-context';
import { toSyncRunView } from '../../../../../../resource-views';
import { emptyObjectSchema, firmIdSchema } from '../../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../../validation';

const paramsSchema = z.object({
  firmId: firmIdSchema,
  syncRunId: z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, 'must be a sync run id: letters, digits and . _ : -'),
}).strict();

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const getSyncRunRequest = { params: paramsSchema, query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** GET /api/firms/:firmId/sync-runs/:syncRunId: one sync run with its counts and progress. */
export function getSyncRun(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, getSyncRunRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const firm = await findAccessibleFirm(requireCaller(req), input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    const doc = await SyncRun.findOne({ _id: input.data.params.syncRunId, firmId: firm.id }).lean();

    if (!doc) {
      sendError(res, 'sync_run_not_found', `No sync run "${input.data.params.syncRunId}" exists for firm ${firm.id}.`);
      return;
    }
    res.json(toSyncRunView(doc));
  };
}
