import type { RequestHandler } from 'express';
import { z } from 'zod';
import { SyncRun } from '../../../../../../lib/models';
import { firmRoute } from '../../../../../firm-route';
import { toSyncRunView } from '../../../../../resource-views';
import { emptyObjectSchema, firmParamsSchema, limitSchema } from '../../../../../schemas';
import type { RequestSchemas } from '../../../../../validation';

const querySchema = z.object({ limit: limitSchema(20, 200) }).strict();

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const listSyncRunsRequest = { params: firmParamsSchema, query: querySchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** GET /api/firms/:firmId/sync-runs?limit: the firm's latest sync runs, newest first. */
export function listSyncRuns(): RequestHandler {
  return firmRoute(listSyncRunsRequest, async ({ input, firm }, _req, res) => {
    const docs = await SyncRun.find({ firmId: firm.id, provider: 'clio' }).sort({ requestedAt: -1, _id: -1 }).limit(input.query.limit).lean();

    res.json({ syncRuns: docs.map((doc) => toSyncRunView(doc)) });
  });
}
