import type { RequestHandler } from 'express';
import { findFirmMapping } from '../../../../../../lib/models/mapping';
import { sendError } from '../../../../../errors';
import { findAccessibleFirm } from '../../../../../firm-access';
import { requireCaller } from '../../../../../request-context';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../validation';
import { toMappingView } from './mapping-body';

/** Schemas of the path parameters and query. */
export const getMappingRequest = { params: firmParamsSchema, query: emptyObjectSchema } satisfies RequestSchemas;

/**
 * GET /api/firms/:firmId/mapping: the firm's saved field mapping with its version, or
 * `{"mapping": null}` while the firm syncs with the default mapping.
 */
export function getMapping(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, getMappingRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const firm = await findAccessibleFirm(requireCaller(req), input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    const mapping = await findFirmMapping(firm.id);

    res.json({ mapping: mapping ? toMappingView(mapping) : null });
  };
}
