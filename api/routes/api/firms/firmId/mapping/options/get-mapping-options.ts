import type { RequestHandler } from 'express';
import type { RouteDeps } from '../../../../../../app-deps';
import { sendError } from '../../../../../../errors';
import { findAccessibleFirm } from '../../../../../../firm-access';
import { requireCaller } from '../../../../../../request-context';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../../validation';
import { loadClioOptions } from '../clio-options';

/** Schemas of the path parameters and query. */
export const getMappingOptionsRequest = { params: firmParamsSchema, query: emptyObjectSchema } satisfies RequestSchemas;

/**
 * GET /api/firms/:firmId/mapping/options: the firm's live Clio values a mapping may refer to:
 * practice areas with their matter stages, and matter custom fields with their picklist options.
 * Read from Clio on every request, through a short workflow run by the worker.
 */
export function getMappingOptions(deps: Pick<RouteDeps, 'integrations'>): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, getMappingOptionsRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const firm = await findAccessibleFirm(requireCaller(req), input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    const options = await loadClioOptions(deps.integrations, firm.id);

    if (!options.ok) {
      sendError(res, options.rejection.code, options.rejection.message);
      return;
    }
    res.json(options.value);
  };
}
