import type { RequestHandler } from 'express';
import { sendError } from '../../../../../../errors';
import { findAccessibleFirm } from '../../../../../../firm-access';
import { loadIntegrationView } from '../../../../../../integration-view';
import { requireCaller } from '../../../../../../request-context';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../../validation';

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const getIntegrationRequest = { params: firmParamsSchema, query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** GET /api/firms/:firmId/integrations/clio: the integration's state as the Clio tile shows it. */
export function getIntegration(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, getIntegrationRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const firm = await findAccessibleFirm(requireCaller(req), input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    const view = await loadIntegrationView(firm.id);

    res.json(view);
  };
}
