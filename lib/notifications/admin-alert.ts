import { Firm, Notification, User } from '../models';
import type { AdminAlertKind } from '../models/notification';
import { dispatchNotificationNow, type DispatchOptions } from './dispatch';
import { adminAlertKey, deliveryKey } from './keys';

/** An alert to a firm's admins; `dedupeKey` names the occasion, such as the sync run or night it concerns. */
export interface AdminAlertInput {
  firmId: string;
  kind: AdminAlertKind;
  dedupeKey: string;
}

/** The alert's state after this call; `duplicate` is true when an earlier call already recorded it. */
export interface AdminAlertResult {
  state: string;
  duplicate: boolean;
  recipients: number;
}

const CAUSES: Record<AdminAlertKind, { subject: string; cause: string }> = {
  reauthorization_required: {
    subject: 'Clio syncing has stopped for {firm}: reconnect Clio',
    cause: 'Clio no longer accepts CaseBridge\'s access for {firm}, because the authorization was revoked or has lapsed.',
  },
  preflight_failed: {
    subject: 'Clio syncing has stopped for {firm}: the nightly connection check failed',
    cause: 'The nightly check of {firm}\'s Clio connection failed because Clio rejected CaseBridge\'s access.',
  },
};

/** Builds the alert's subject and text: what stopped, and the steps that reconnect Clio. */
export function adminAlertMessage(kind: AdminAlertKind, firmName: string, settingsUrl: string): { subject: string; text: string } {
  const { subject, cause } = CAUSES[kind];
  const text = [
    cause.replace('{firm}', firmName),
    'Syncing has stopped: project data no longer updates from Clio, and client updates wait until you reconnect.',
    `To reconnect, sign in to CaseBridge, open Company Settings → Integrations (${settingsUrl}), click Reconnect on the Clio tile and choose Allow Access on Clio's page. The integration then returns to the state it had before and catches up on what it missed.`,
    'If reconnecting fails, contact CaseBridge support.',
  ].join('\n\n');
  return { subject: subject.replace('{firm}', firmName), text };
}

/**
 * Emails every firm admin of the firm once per (kind, dedupeKey): the first call records the
 * alert in the outbox and sends it at once, and a later call with the same key sends nothing.
 * An alert whose delivery failed transiently stays queued, and this call or the next dispatch
 * pass retries it.
 */
export async function sendAdminAlert(input: AdminAlertInput, options: DispatchOptions & { publicUrl: string }): Promise<AdminAlertResult> {
  const idempotencyKey = adminAlertKey(input.firmId, input.kind, input.dedupeKey);
  const firm = await Firm.findById(input.firmId, { name: 1 }).lean();
  const admins = await User.find({ role: 'firm_admin', firmId: input.firmId }, { email: 1, name: 1 }).sort({ _id: 1 }).lean();
  const settingsUrl = new URL(`/firms/${encodeURIComponent(input.firmId)}/settings/integrations`, options.publicUrl).toString();
  const message = adminAlertMessage(input.kind, firm?.name ?? input.firmId, settingsUrl);
  const { now } = options;

  const state = admins.length > 0 ? 'queued' : 'suppressed';
  const decision = admins.length > 0
    ? { outcome: 'queue', reason: 'admin_alert', message: 'Admin alerts go out at once, whatever the integration state or business hours.' }
    : { outcome: 'suppress', reason: 'no_firm_admins', message: 'The firm has no firm admin to alert.' };
  const recipients = admins.map((admin) => ({
    clientId: String(admin._id), name: admin.name, channel: 'email', address: admin.email, status: 'pending',
    subject: message.subject, text: message.text, deliveryKey: deliveryKey(idempotencyKey, 'email', String(admin._id)),
  }));
  const written = await Notification.updateOne(
    { idempotencyKey },
    {
      $setOnInsert: {
        firmId: input.firmId, provider: 'clio', kind: 'admin_alert', alertKind: input.kind, changeId: input.dedupeKey, changedAt: now,
        idempotencyKey, state, dueAt: now, recipients, decision,
        checks: [{ check: 'recipients', result: admins.length > 0 ? 'pass' : 'fail', reason: decision.reason, message: `${admins.length} firm admins to alert.`, at: now }],
      },
    },
    { upsert: true },
  ).catch((error: unknown) => {
    if ((error as { code?: number }).code === 11000) {
      return null;
    }
    throw error;
  });
  const duplicate = !written || written.upsertedCount === 0;
  if (duplicate) {
    await Notification.updateOne({ idempotencyKey }, { $inc: { duplicates: 1 } });
  }

  const stored = await Notification.findOne({ idempotencyKey }, { _id: 1, state: 1, dueAt: 1 }).lean();
  if (stored?.state === 'queued' && stored.dueAt && stored.dueAt <= now) {
    await dispatchNotificationNow(stored._id, options);
  }
  const final = await Notification.findOne({ idempotencyKey }, { state: 1, recipients: 1 }).lean();
  return { state: final?.state ?? state, duplicate, recipients: final?.recipients.length ?? 0 };
}
