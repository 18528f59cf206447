import type { RequestHandler } from 'express';
import { z } from 'zod';
import { Project } from '../../../../../../../lib/models';
import { sendError } from '../../../../../../errors';
import { findAccessibleFirm } from '../../../../../../firm-access';
import { requireCaller } from '../../../../../../request-context';
import { toProjectView } from '../../../../../../resource-views';
import { emptyObjectSchema, firmIdSchema } from '../../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../../validation';

const paramsSchema = z.object({
  firmId: firmIdSchema,
  clioMatterId: z.string().regex(/^\d{1,15}$/, 'must be a Clio matter id: a positive integer').transform(Number),
}).strict();

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const getProjectRequest = { params: paramsSchema, query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** GET /api/firms/:firmId/projects/:clioMatterId: one project, with the raw Clio snapshot it was mapped from. */
export function getProject(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, getProjectRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const firm = await findAccessibleFirm(requireCaller(req), input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    const doc = await Project.findOne({ firmId: firm.id, provider: 'clio', clioMatterId: input.data.params.clioMatterId }).lean();

    if (!doc) {
      sendError(res, 'project_not_found', `No project for Clio matter ${input.data.params.clioMatterId} exists in firm ${firm.id}; sync the matter first.`);
      return;
    }
    res.json(toProjectView(doc, true));
  };
}
