import type { RequestHandler } from 'express';
import { z } from 'zod';
import { Project } from '../../../../../../../../lib/models';
import { sendError } from '../../../../../../../errors';
import { findAccessibleFirm } from '../../../../../../../firm-access';
import { requireCaller } from '../../../../../../../request-context';
import { emptyObjectSchema } from '../../../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../../../validation';
import { projectParamsSchema } from '../../../notifications/notification-views';

const bodySchema = z.object({
  newProject: z.boolean().optional(),
  phaseChange: z.boolean().optional(),
}).strict().refine((body) => body.newProject !== undefined || body.phaseChange !== undefined, { message: 'send "newProject", "phaseChange" or both as true or false' });

/** Schemas of the path parameters, query and body; the OpenAPI document can be built from them too. */
export const updateNotificationTogglesRequest = { params: projectParamsSchema, query: emptyObjectSchema, body: bodySchema } satisfies RequestSchemas;

/**
 * PUT /api/firms/:firmId/projects/:clioMatterId/notification-toggles: turns the project's
 * new-project or phase-change client updates on or off. A field left out keeps its value. The
 * change applies to updates recorded from now on and to queued ones when they are dispatched.
 */
export function updateNotificationToggles(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, updateNotificationTogglesRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const caller = requireCaller(req);
    const firm = await findAccessibleFirm(caller, input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    const { clioMatterId } = input.data.params;
    const { newProject, phaseChange } = input.data.body;
    const changes = {
      ...(newProject !== undefined ? { 'notificationToggles.newProject': newProject } : {}),
      ...(phaseChange !== undefined ? { 'notificationToggles.phaseChange': phaseChange } : {}),
    };
    const project = await Project.findOneAndUpdate({ firmId: firm.id, provider: 'clio', clioMatterId }, { $set: changes }, { new: true, projection: { notificationToggles: 1 } }).lean();

    if (!project) {
      sendError(res, 'project_not_found', `No project for Clio matter ${clioMatterId} exists in firm ${firm.id}; sync the matter first.`);
      return;
    }
    req.log.info({ firmId: firm.id, clioMatterId, userId: caller.id, ...changes }, 'project notification toggles updated');
    res.json({ clioMatterId, notificationToggles: { newProject: project.notificationToggles?.newProject ?? true, phaseChange: project.notificationToggles?.phaseChange ?? true } });
  };
}
