import type { RequestHandler } from 'express';
import { z } from 'zod';
import { Project } from '../../../../../../lib/models';
import { firmRoute } from '../../../../../firm-route';
import { toProjectView } from '../../../../../resource-views';
import { emptyObjectSchema, firmParamsSchema, limitSchema, offsetSchema } from '../../../../../schemas';
import type { RequestSchemas } from '../../../../../validation';

const querySchema = z.object({ limit: limitSchema(50, 200), offset: offsetSchema }).strict();

/** Schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export const listProjectsRequest = { params: firmParamsSchema, query: querySchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** GET /api/firms/:firmId/projects?limit&offset: one page of the firm's projects by Clio matter id, without the raw Clio snapshot. */
export function listProjects(): RequestHandler {
  return firmRoute(listProjectsRequest, async ({ input, firm }, _req, res) => {
    const filter = { firmId: firm.id, provider: 'clio' };
    const { limit, offset } = input.query;
    const [docs, total] = await Promise.all([
      Project.find(filter, { raw: 0 }).sort({ clioMatterId: 1 }).skip(offset).limit(limit).lean(),
      Project.countDocuments(filter),
    ]);

    res.json({ projects: docs.map((doc) => toProjectView(doc, false)), total });
  });
}
