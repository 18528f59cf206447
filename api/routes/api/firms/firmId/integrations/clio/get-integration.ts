import type { RequestHandler } from 'express';
import { firmRoute } from '../../../../../../firm-route';
import { loadIntegrationView } from '../../../../../../integration-view';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../../schemas';
import type { RequestSchemas } from '../../../../../../validation';

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const getIntegrationRequest = { params: firmParamsSchema, query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** GET /api/firms/:firmId/integrations/clio: the integration's state as the Clio tile shows it. */
export function getIntegration(): RequestHandler {
  return firmRoute(getIntegrationRequest, async ({ firm }, _req, res) => {
    const view = await loadIntegrationView(firm.id);

    res.json(view);
  });
}
