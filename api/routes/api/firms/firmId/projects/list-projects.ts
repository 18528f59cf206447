import type { RequestHandler } from 'express';
import { z } from 'zod';
import { Project } from '../../../../../../lib/models';
import { sendError } from '../../../../../errors';
import { findAccessibleFirm } from '../../../../../firm-access';
import { requireCaller } from '../../../../../request-context';
import { toProjectView } from '../../../../../resource-views';
import { emptyObjectSchema, firmParamsSchema, limitSchema, offsetSchema } from '../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../validation';

const querySchema = z.object({ limit: limitSchema(50, 200), offset: offsetSchema }).strict();

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const listProjectsRequest = { params: firmParamsSchema, query: querySchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** GET /api/firms/:firmId/projects?limit&offset: one page of the firm's projects by Clio matter id, without the raw Clio snapshot. */
export function listProjects(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, listProjectsRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const firm = await findAccessibleFirm(requireCaller(req), input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    const filter = { firmId: firm.id, provider: 'clio' };
    const { limit, offset } = input.data.query;
    const [docs, total] = await Promise.all([
      Project.find(filter, { raw: 0 }).sort({ clioMatterId: 1 }).skip(offset).limit(limit).lean(),
      Project.countDocuments(filter),
    ]);

    res.json({ projects: docs.map((doc) => toProjectView(doc, false)), total });
  };
}
