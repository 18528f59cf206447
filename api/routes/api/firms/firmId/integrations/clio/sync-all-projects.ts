import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../../../../../../app-deps';
import { sendError } from '../../../../../../errors';
import { findAccessibleFirm, requesterOf } from '../../../../../../firm-access';
import { requireCaller } from '../../../../../../request-context';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../../validation';

/** Body of a sync-all request; without a mode the workflow chooses incremental after a first sync. */
const syncAllBodySchema = z.object({ mode: z.enum(['full', 'incremental', 'reconcile']).optional() }).strict();

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const syncAllProjectsRequest = { params: firmParamsSchema, query: emptyObjectSchema, body: syncAllBodySchema } satisfies RequestSchemas;

/**
 * POST /api/firms/:firmId/integrations/clio/sync: requests a sync of all the firm's matters:
 * `full`, `incremental` (changes since the last run) or `reconcile` (archive projects whose
 * matter is gone). Responds 202 with the sync run that will serve it, which may be one already
 * queued (`joined`).
 */
export function syncAllProjects(deps: Pick<RouteDeps, 'integrations'>): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, syncAllProjectsRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const caller = requireCaller(req);
    const firm = await findAccessibleFirm(caller, input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    const result = await deps.integrations.syncAll(firm.id, { ...requesterOf(caller), ...input.data.body });

    if (!result.ok) {
      sendError(res, result.rejection.code, result.rejection.message);
      return;
    }
    res.status(202).json({ syncRunId: result.value.syncRunId, joined: result.value.joined });
  };
}
