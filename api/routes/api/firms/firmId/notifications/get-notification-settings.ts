import type { RequestHandler } from 'express';
import { sendError } from '../../../../../errors';
import { findAccessibleFirm } from '../../../../../firm-access';
import { requireCaller } from '../../../../../request-context';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../validation';
import { readSettingsView } from './notification-settings';

/** Schemas of the path parameters, query and body; the OpenAPI document can be built from them too. */
export const getNotificationSettingsRequest = { params: firmParamsSchema, query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/** GET /api/firms/:firmId/notifications/settings: the firm's templates and holidays, with the default wording. */
export function getNotificationSettings(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, getNotificationSettingsRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const firm = await findAccessibleFirm(requireCaller(req), input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    res.json(await readSettingsView(firm.id));
  };
}
