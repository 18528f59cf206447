import type { RequestHandler } from 'express';
import { Project } from '../../../../../../../../lib/models';
import { explainProjectNotifications as explainUpdates } from '../../../../../../../../lib/notifications';
import { sendError } from '../../../../../../../errors';
import { findAccessibleFirm } from '../../../../../../../firm-access';
import { requireCaller } from '../../../../../../../request-context';
import { emptyObjectSchema } from '../../../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../../../validation';
import { projectParamsSchema } from '../../../notifications/notification-views';

/** Schemas of the path parameters, query and body; the OpenAPI document can be built from them too. */
export const explainProjectNotificationsRequest = { params: projectParamsSchema, query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/**
 * GET /api/firms/:firmId/projects/:clioMatterId/explain: for each client update of the project,
 * newest first, whether each client got it and why not, read from the decisions the outbox
 * stored when they were made. The project's current toggles are added for comparison.
 */
export function explainProjectNotifications(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, explainProjectNotificationsRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const firm = await findAccessibleFirm(requireCaller(req), input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    const { clioMatterId } = input.data.params;
    const project = await Project.findOne({ firmId: firm.id, provider: 'clio', clioMatterId }, { notificationToggles: 1 }).lean();
    if (!project) {
      sendError(res, 'project_not_found', `No project for Clio matter ${clioMatterId} exists in firm ${firm.id}; sync the matter first.`);
      return;
    }
    const updates = await explainUpdates(firm.id, clioMatterId);

    res.json({
      clioMatterId,
      notificationToggles: { newProject: project.notificationToggles?.newProject ?? true, phaseChange: project.notificationToggles?.phaseChange ?? true },
      updates,
    });
  };
}
