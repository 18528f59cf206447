import type { RequestHandler } from 'express';
import type { RouteDeps } from '../../../../../../app-deps';
import { sendError } from '../../../../../../errors';
import { findAccessibleFirm, requesterOf } from '../../../../../../firm-access';
import { requireCaller } from '../../../../../../request-context';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../../schemas';
import { parseRequest } from '../../../../../../validation';

/**
 * POST /api/firms/:firmId/integrations/clio/sync: requests a full sync of the firm's matters.
 * Responds 202 with the sync run that will serve it, which may be one already queued (`joined`).
 */
export function syncAllProjects(deps: Pick<RouteDeps, 'integrations'>): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, { params: firmParamsSchema, query: emptyObjectSchema, body: emptyObjectSchema });
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

    const result = await deps.integrations.syncAll(firm.id, requesterOf(caller));

    if (!result.ok) {
      sendError(res, result.rejection.code, result.rejection.message);
      return;
    }
    res.status(202).json({ syncRunId: result.value.syncRunId, joined: result.value.joined });
  };
}
