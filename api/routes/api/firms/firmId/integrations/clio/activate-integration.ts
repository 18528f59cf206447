import type { RequestHandler } from 'express';
import { STATUS_LABELS } from '../../../../../../../lib/integration-status';
import type { RouteDeps } from '../../../../../../app-deps';
import { sendError } from '../../../../../../errors';
import { requesterOf } from '../../../../../../firm-access';
import { firmRoute, sendRejection } from '../../../../../../firm-route';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../../schemas';
import type { RequestSchemas } from '../../../../../../validation';

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const activateIntegrationRequest = { params: firmParamsSchema, query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** POST /api/firms/:firmId/integrations/clio/activate: staff switch the integration to Active, so nightly syncs run and clients are notified. */
export function activateIntegration(deps: Pick<RouteDeps, 'integrations'>): RequestHandler {
  return firmRoute(activateIntegrationRequest, async ({ caller, firm }, _req, res) => {
    if (caller.role !== 'staff') {
      sendError(res, 'forbidden', 'Only CaseBridge staff can activate an integration.');
      return;
    }

    const result = await deps.integrations.activate(firm.id, requesterOf(caller));

    if (!result.ok) {
      sendRejection(res, result.rejection);
      return;
    }
    res.json({ status: result.value.status, label: STATUS_LABELS[result.value.status] });
  });
}
