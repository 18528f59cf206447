import type { RequestHandler } from 'express';
import type { RouteDeps } from '../../../../../../app-deps';
import { firmRoute, sendRejection } from '../../../../../../firm-route';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../../schemas';
import type { RequestSchemas } from '../../../../../../validation';
import { loadClioOptions } from '../clio-options';

/** Schemas of the path parameters and query. */
export const getMappingOptionsRequest = { params: firmParamsSchema, query: emptyObjectSchema } satisfies RequestSchemas;

/**
 * GET /api/firms/:firmId/mapping/options: the firm's live Clio values a mapping may refer to:
 * practice areas with their matter stages, and matter custom fields with their picklist options.
 * Read from Clio on every request, through a short workflow run by the worker.
 */
export function getMappingOptions(deps: Pick<RouteDeps, 'integrations'>): RequestHandler {
  return firmRoute(getMappingOptionsRequest, async ({ firm }, _req, res) => {
    const options = await loadClioOptions(deps.integrations, firm.id);

    if (!options.ok) {
      sendRejection(res, options.rejection);
      return;
    }
    res.json(options.value);
  });
}
