import type { RequestHandler } from 'express';
import { STATUS_LABELS } from '../../../../../../../lib/integration-status';
import type { RouteDeps } from '../../../../../../app-deps';
import { sendError } from '../../../../../../errors';
import { findAccessibleFirm, requesterOf } from '../../../../../../firm-access';
import { requireCaller } from '../../../../../../request-context';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../../validation';

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const deactivateIntegrationRequest = { params: firmParamsSchema, query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** POST /api/firms/:firmId/integrations/clio/deactivate: staff switch the integration back to Connected, Inactive. */
export function deactivateIntegration(deps: Pick<RouteDeps, 'integrations'>): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, deactivateIntegrationRequest);
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
    if (caller.role !== 'staff') {
      sendError(res, 'forbidden', 'Only CaseBridge staff can deactivate an integration.');
      return;
    }

    const result = await deps.integrations.deactivate(firm.id, requesterOf(caller));

    if (!result.ok) {
      sendError(res, result.rejection.code, result.rejection.message);
      return;
    }
    res.json({ status: result.value.status, label: STATUS_LABELS[result.value.status] });
  };
}
