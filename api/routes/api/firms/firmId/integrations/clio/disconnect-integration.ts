import type { RequestHandler } from 'express';
import { STATUS_LABELS } from '../../../../../../../lib/integration-status';
import type { RouteDeps } from '../../../../../../app-deps';
import { requesterOf } from '../../../../../../firm-access';
import { firmRoute, sendRejection } from '../../../../../../firm-route';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../../schemas';
import type { RequestSchemas } from '../../../../../../validation';

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const disconnectIntegrationRequest = { params: firmParamsSchema, query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/**
 * POST /api/firms/:firmId/integrations/clio/disconnect: the firm's admin or staff revoke the Clio
 * grant; the workflow deletes the tokens and the integration becomes Not connected.
 */
export function disconnectIntegration(deps: Pick<RouteDeps, 'integrations'>): RequestHandler {
  return firmRoute(disconnectIntegrationRequest, async ({ caller, firm }, _req, res) => {
    const result = await deps.integrations.disconnect(firm.id, requesterOf(caller));

    if (!result.ok) {
      sendRejection(res, result.rejection);
      return;
    }
    res.json({ status: result.value.status, label: STATUS_LABELS[result.value.status] });
  });
}
