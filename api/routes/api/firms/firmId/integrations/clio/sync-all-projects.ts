import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../../../../../../app-deps';
import { requesterOf } from '../../../../../../firm-access';
import { firmRoute, sendRejection } from '../../../../../../firm-route';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../../schemas';
import type { RequestSchemas } from '../../../../../../validation';

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
  return firmRoute(syncAllProjectsRequest, async ({ input, caller, firm }, _req, res) => {
    const result = await deps.integrations.syncAll(firm.id, { ...requesterOf(caller), ...input.body });

    if (!result.ok) {
      sendRejection(res, result.rejection);
      return;
    }
    res.status(202).json({ syncRunId: result.value.syncRunId, joined: result.value.joined });
  });
}
