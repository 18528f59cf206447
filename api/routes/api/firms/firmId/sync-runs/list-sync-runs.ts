import type { RequestHandler } from 'express';
import { z } from 'zod';
import { SyncRun } from '../../../../../../lib/models';
import { sendError } from '../../../../../errors';
import { findAccessibleFirm } from '../../../../../firm-access';
import { requireCaller } from '../../../../../request-context';
import { toSyncRunView } from '../../../../../resource-views';
import { emptyObjectSchema, firmParamsSchema, limitSchema } from '../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../validation';

const querySchema = z.object({ limit: limitSchema(20, 200) }).strict();

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const listSyncRunsRequest = { params: firmParamsSchema, query: querySchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** GET /api/firms/:firmId/sync-runs?limit: the firm's latest sync runs, newest first. */
export function listSyncRuns(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, listSyncRunsRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const firm = await findAccessibleFirm(requireCaller(req), input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    const docs = await SyncRun.find({ firmId: firm.id, provider: 'clio' }).sort({ requestedAt: -1, _id: -1 }).limit(input.data.query.limit).lean();

    res.json({ syncRuns: docs.map((doc) => toSyncRunView(doc)) });
  };
}
