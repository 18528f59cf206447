import type { RequestHandler } from 'express';
import { z } from 'zod';
import { Notification } from '../../../../../../lib/models';
import { NOTIFICATION_KINDS, NOTIFICATION_STATES } from '../../../../../../lib/models/notification';
import { sendError } from '../../../../../errors';
import { findAccessibleFirm } from '../../../../../firm-access';
import { requireCaller } from '../../../../../request-context';
import { emptyObjectSchema, firmParamsSchema, limitSchema, offsetSchema } from '../../../../../schemas';
import { parseRequest, type RequestSchemas } from '../../../../../validation';
import { toNotificationView } from './notification-views';

const querySchema = z.object({
  state: z.enum(NOTIFICATION_STATES).optional(),
  kind: z.enum(NOTIFICATION_KINDS).optional(),
  clioMatterId: z.string().regex(/^\d{1,15}$/, 'must be a Clio matter id: a positive integer').transform(Number).optional(),
  limit: limitSchema(50, 200),
  offset: offsetSchema,
}).strict();

/** Schemas of the path parameters, query and body; the OpenAPI document can be built from them too. */
export const listNotificationsRequest = { params: firmParamsSchema, query: querySchema, body: emptyObjectSchema } satisfies RequestSchemas;

/**
 * GET /api/firms/:firmId/notifications?state&kind&clioMatterId&limit&offset: the firm's outbox,
 * newest first, with each recipient's rendered text and result. With `state=preview` it shows
 * staff what the firm's clients would have received had the integration been Active.
 */
export function listNotifications(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, listNotificationsRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const firm = await findAccessibleFirm(requireCaller(req), input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    const { state, kind, clioMatterId, limit, offset } = input.data.query;
    const filter = {
      firmId: firm.id, provider: 'clio',
      ...(state ? { state } : {}), ...(kind ? { kind } : {}), ...(clioMatterId !== undefined ? { clioMatterId } : {}),
    };
    const docs = await Notification.find(filter, { claimToken: 0, checks: 0 }).sort({ createdAt: -1, _id: -1 }).skip(offset).limit(limit).lean();
    const total = await Notification.countDocuments(filter);

    res.json({ notifications: docs.map((doc) => toNotificationView(doc)), total });
  };
}
