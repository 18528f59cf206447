import type { RequestHandler } from 'express';
import { STATUS_LABELS } from '../../../../../../../lib/integration-status';
import type { RouteDeps } from '../../../../../../app-deps';
import { sendError } from '../../../../../../errors';
import { requesterOf } from '../../../../../../firm-access';
import { firmRoute, sendRejection } from '../../../../../../firm-route';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../../schemas';
import type { RequestSchemas } from '../../../../../../validation';

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const deactivateIntegrationRequest = { params: firmParamsSchema, query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** POST /api/firms/:firmId/integrations/clio/deactivate: staff switch the integration back to Connected, Inactive. */
export function deactivateIntegration(deps: Pick<RouteDeps, 'integrations'>): RequestHandler {
  return firmRoute(deactivateIntegrationRequest, async ({ caller, firm }, _req, res) => {
    if (caller.role !== 'staff') {
      sendError(res, 'forbidden', 'Only CaseBridge staff can deactivate an integration.');
      return;
    }

    const result = await deps.integrations.deactivate(firm.id, requesterOf(caller));

    if (!result.ok) {
      sendRejection(res, result.rejection);
      return;
    }
    res.json({ status: result.value.status, label: STATUS_LABELS[result.value.status] });
  });
}
