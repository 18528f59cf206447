import { z } from 'zod';
import { NOTIFICATION_KINDS, NOTIFICATION_STATES, RECIPIENT_STATUSES } from '../../../../../../lib/models/notification';
import { TEMPLATE_PLACEHOLDERS } from '../../../../../../lib/notifications';
import { firmIdSchema } from '../../../../../schemas';

/** Path parameters of the routes under /firms/:firmId/projects/:clioMatterId. */
export const projectParamsSchema = z.object({
  firmId: firmIdSchema,
  clioMatterId: z.string().regex(/^\d{1,15}$/, 'must be a Clio matter id: a positive integer').transform(Number),
}).strict();

const dateText = z.string().datetime().nullable();

/** One recipient of a notification as the API returns it. */
const recipientViewSchema = z.object({
  clientId: z.string().nullable(),
  name: z.string().nullable(),
  channel: z.enum(['email', 'sms']).nullable(),
  address: z.string().nullable(),
  status: z.enum(RECIPIENT_STATUSES),
  reason: z.string().nullable(),
  message: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
  messageId: z.string().nullable(),
  finishedAt: dateText,
});

/** One notification as GET …/notifications returns it. */
export const notificationViewSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  alertKind: z.string().nullable(),
  clioMatterId: z.number().int().nullable(),
  phase: z.string().nullable(),
  previousPhase: z.string().nullable(),
  state: z.enum(NOTIFICATION_STATES),
  dueAt: dateText,
  createdAt: dateText,
  decision: z.object({ outcome: z.string(), reason: z.string(), message: z.string() }),
  recipients: z.array(recipientViewSchema),
});

/** Body of GET …/notifications. */
export const notificationListSchema = z.object({ notifications: z.array(notificationViewSchema), total: z.number().int() });

/** Body of GET and PUT …/notifications/settings. */
export const notificationSettingsViewSchema = z.object({
  templates: z.array(z.object({ kind: z.string(), phase: z.string().nullable(), subject: z.string(), text: z.string() })),
  holidays: z.array(z.string()),
  defaults: z.record(z.object({ subject: z.string(), text: z.string() })),
  placeholders: z.array(z.enum(TEMPLATE_PLACEHOLDERS)),
});

const isoOrNull = (value: unknown) => (value instanceof Date ? value.toISOString() : null);

/** Converts a lean notification document to its API form; claim tokens and delivery keys stay internal. */
export function toNotificationView(doc: Record<string, unknown>): z.infer<typeof notificationViewSchema> {
  const recipients = (doc.recipients ?? []) as Record<string, unknown>[];
  const decision = (doc.decision ?? {}) as { outcome?: string; reason?: string; message?: string };
  return {
    id: String(doc._id),
    kind: doc.kind as z.infer<typeof notificationViewSchema>['kind'],
    alertKind: (doc.alertKind as string | null) ?? null,
    clioMatterId: (doc.clioMatterId as number | null) ?? null,
    phase: (doc.phase as string | null) ?? null,
    previousPhase: (doc.previousPhase as string | null) ?? null,
    state: doc.state as z.infer<typeof notificationViewSchema>['state'],
    dueAt: isoOrNull(doc.dueAt),
    createdAt: isoOrNull(doc.createdAt),
    decision: { outcome: decision.outcome ?? '', reason: decision.reason ?? '', message: decision.message ?? '' },
    recipients: recipients.map((recipient) => ({
      clientId: (recipient.clientId as string | null) ?? null,
      name: (recipient.name as string | null) ?? null,
      channel: (recipient.channel as 'email' | 'sms' | null) ?? null,
      address: (recipient.address as string | null) ?? null,
      status: recipient.status as z.infer<typeof recipientViewSchema>['status'],
      reason: (recipient.reason as string | null) ?? null,
      message: (recipient.message as string | null) ?? null,
      subject: (recipient.subject as string) ?? '',
      text: (recipient.text as string) ?? '',
      messageId: (recipient.messageId as string | null) ?? null,
      finishedAt: isoOrNull(recipient.finishedAt),
    })),
  };
}

/** Body of PUT …/projects/:clioMatterId/notification-toggles. */
export const notificationTogglesViewSchema = z.object({
  clioMatterId: z.number().int(),
  notificationToggles: z.object({ newProject: z.boolean(), phaseChange: z.boolean() }),
});

/** Body of GET …/projects/:clioMatterId/explain; each update's fields are listed in lib/notifications/explain.ts. */
export const projectExplanationSchema = notificationTogglesViewSchema.extend({ updates: z.array(z.record(z.unknown())) });
