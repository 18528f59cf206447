import type { RequestHandler } from 'express';
import { NotificationSettings } from '../../../../../../lib/models';
import { sendError } from '../../../../../errors';
import { findAccessibleFirm } from '../../../../../firm-access';
import { requireCaller } from '../../../../../request-context';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../validation';
import { readSettingsView, settingsBodySchema } from './notification-settings';

/** Schemas of the path parameters, query and body; the OpenAPI document can be built from them too. */
export const updateNotificationSettingsRequest = { params: firmParamsSchema, query: emptyObjectSchema, body: settingsBodySchema } satisfies RequestSchemas;

/**
 * PUT /api/firms/:firmId/notifications/settings: replaces the firm's templates, holidays or both.
 * Templates are plain text with {{placeholders}}, per kind and optionally per phase. Updates
 * already recorded keep the text they were rendered with, and holidays move only later due dates.
 */
export function updateNotificationSettings(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, updateNotificationSettingsRequest);
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

    const { templates, holidays } = input.data.body;
    const changes = { ...(templates ? { templates } : {}), ...(holidays ? { holidays: [...new Set(holidays)].sort() } : {}) };
    await NotificationSettings.updateOne({ firmId: firm.id }, { $set: changes, $setOnInsert: { firmId: firm.id } }, { upsert: true });
    req.log.info({ firmId: firm.id, userId: caller.id, templates: templates?.length, holidays: holidays?.length }, 'notification settings updated');

    res.json(await readSettingsView(firm.id));
  };
}
