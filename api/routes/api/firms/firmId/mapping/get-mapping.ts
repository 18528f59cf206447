import type { RequestHandler } from 'express';
import { findFirmMapping } from '../../../../../../lib/models/mapping';
import { firmRoute } from '../../../../../firm-route';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../schemas';
import type { RequestSchemas } from '../../../../../validation';
import { toMappingView } from './mapping-body';

/** Schemas of the path parameters and query. */
export const getMappingRequest = { params: firmParamsSchema, query: emptyObjectSchema } satisfies RequestSchemas;

/**
 * GET /api/firms/:firmId/mapping: the firm's saved field mapping with its version, or
 * `{"mapping": null}` while the firm syncs with the default mapping.
 */
export function getMapping(): RequestHandler {
  return firmRoute(getMappingRequest, async ({ firm }, _req, res) => {
    const mapping = await findFirmMapping(firm.id);

    res.json({ mapping: mapping ? toMappingView(mapping) : null });
  });
}
