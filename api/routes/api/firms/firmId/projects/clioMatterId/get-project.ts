import type { RequestHandler } from 'express';
import { z } from 'zod';
import { Project } from '../../../../../../../lib/models';
import { sendError } from '../../../../../../errors';
import { firmRoute } from '../../../../../../firm-route';
import { toProjectView } from '../../../../../../resource-views';
import { emptyObjectSchema, firmIdSchema } from '../../../../../../schemas';
import type { RequestSchemas } from '../../../../../../validation';

const paramsSchema = z.object({
  firmId: firmIdSchema,
  clioMatterId: z.string().regex(/^\d{1,15}$/, 'must be a Clio matter id: a positive integer').transform(Number),
}).strict();

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const getProjectRequest = { params: paramsSchema, query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** GET /api/firms/:firmId/projects/:clioMatterId: one project, with the raw Clio snapshot it was mapped from. */
export function getProject(): RequestHandler {
  return firmRoute(getProjectRequest, async ({ input, firm }, _req, res) => {
    const doc = await Project.findOne({ firmId: firm.id, provider: 'clio', clioMatterId: input.params.clioMatterId }).lean();

    if (!doc) {
      sendError(res, 'project_not_found', `No project for Clio matter ${input.params.clioMatterId} exists in firm ${firm.id}; sync the matter first.`);
      return;
    }
    res.json(toProjectView(doc, true));
  });
}
