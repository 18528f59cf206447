import { z } from 'zod';
import { getNotificationSettingsRequest } from '../routes/api/firms/firmId/notifications/get-notification-settings';
import { listNotificationsRequest } from '../routes/api/firms/firmId/notifications/list-notifications';
import { notificationListSchema, notificationSettingsViewSchema } from '../routes/api/firms/firmId/notifications/notification-views';
import { updateNotificationSettingsRequest } from '../routes/api/firms/firmId/notifications/update-notification-settings';
import { explainProjectNotificationsRequest } from '../routes/api/firms/firmId/projects/clioMatterId/explain/explain-project-notifications';
import { updateNotificationTogglesRequest } from '../routes/api/firms/firmId/projects/clioMatterId/notification-toggles/update-notification-toggles';
import { FIRM_ERRORS, type ApiOperation } from './operation';

/** A JSON object whose fields the route's handler documents. */
const objectSchema = z.record(z.unknown());

/** Lists the client-notification routes: the outbox, the firm's settings and a project's toggles. */
export function listNotificationOperations(): ApiOperation[] {
  const firm = '/firms/:firmId';
  return [
    {
      method: 'get', path: `${firm}/notifications`, operationId: 'listNotifications', summary: 'The firm\'s outbox of client updates, newest first.',
      request: listNotificationsRequest, success: { status: 200, description: 'One page of notifications.', schema: notificationListSchema },
      errors: FIRM_ERRORS,
    },
    {
      method: 'get', path: `${firm}/notifications/settings`, operationId: 'getNotificationSettings', summary: 'The firm\'s templates and holidays.',
      request: getNotificationSettingsRequest, success: { status: 200, description: 'The settings, with the default wording.', schema: notificationSettingsViewSchema },
      errors: FIRM_ERRORS,
    },
    {
      method: 'put', path: `${firm}/notifications/settings`, operationId: 'updateNotificationSettings', summary: 'Replaces the firm\'s templates, holidays or both.',
      request: updateNotificationSettingsRequest, success: { status: 200, description: 'The settings as saved.', schema: notificationSettingsViewSchema },
      errors: FIRM_ERRORS,
    },
    {
      method: 'get', path: `${firm}/projects/:clioMatterId/explain`, operationId: 'explainProjectNotifications', summary: 'Why each client did or did not get each update of a project.',
      request: explainProjectNotificationsRequest, success: { status: 200, description: 'The project\'s toggles and its updates with their decisions.', schema: objectSchema },
      errors: [...FIRM_ERRORS, 'project_not_found'],
    },
    {
      method: 'put', path: `${firm}/projects/:clioMatterId/notification-toggles`, operationId: 'updateNotificationToggles', summary: 'Turns a project\'s client updates on or off.',
      request: updateNotificationTogglesRequest, success: { status: 200, description: 'The project\'s toggles as saved.', schema: objectSchema },
      errors: [...FIRM_ERRORS, 'project_not_found'],
    },
  ];
}
