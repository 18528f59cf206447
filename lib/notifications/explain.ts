import { Notification } from '../models';
import type { StoredNotification } from './claim';

/** One client's side of one update: whether they got it and, if not, why. */
export interface ClientExplanation {
  clientId: string | null;
  name: string | null;
  channel: string | null;
  status: string;
  /** snake_case cause; null for a sent update or one still waiting. */
  reason: string | null;
  message: string;
  messageId: string | null;
  attemptedAt: Date | null;
  finishedAt: Date | null;
}

/** One update of a project with the stored decision, its checks and each client's result. */
export interface UpdateExplanation {
  notificationId: string;
  kind: string;
  phase: string | null;
  previousPhase: string | null;
  state: string;
  recordedAt: Date | null;
  dueAt: Date | null;
  decision: { outcome: string; reason: string; message: string };
  checks: { check: string; result: string; reason: string; message: string; at: Date }[];
  supersededBy: string | null;
  clients: ClientExplanation[];
}

/** Most updates an explanation lists, newest first. */
export const MAX_EXPLAINED_UPDATES = 200;

function clientMessage(status: string, stored: string | null, dueAt: Date | null): string {
  if (stored) {
    return stored;
  }
  switch (status) {
    case 'sent':
      return 'The update was sent.';
    case 'pending':
      return dueAt ? `The update is queued for ${dueAt.toISOString()}.` : 'The update is queued.';
    case 'sending':
      return 'The update is being sent.';
    default:
      return `The update is ${status}.`;
  }
}

/** Converts a stored notification to its explanation, reading only what was stored. */
export function toUpdateExplanation(doc: StoredNotification & { createdAt?: Date }): UpdateExplanation {
  return {
    notificationId: String(doc._id),
    kind: doc.kind,
    phase: doc.phase ?? null,
    previousPhase: doc.previousPhase ?? null,
    state: doc.state,
    recordedAt: doc.createdAt ?? null,
    dueAt: doc.dueAt ?? null,
    decision: { outcome: doc.decision?.outcome ?? 'suppress', reason: doc.decision?.reason ?? 'unknown', message: doc.decision?.message ?? 'No decision was stored.' },
    checks: doc.checks.map((check) => ({ check: check.check, result: check.result, reason: check.reason, message: check.message, at: check.at })),
    supersededBy: doc.supersededBy ?? null,
    clients: doc.recipients.map((recipient) => ({
      clientId: recipient.clientId ?? null,
      name: recipient.name ?? null,
      channel: recipient.channel ?? null,
      status: recipient.status,
      reason: recipient.reason ?? null,
      message: clientMessage(recipient.status, recipient.message ?? null, doc.dueAt ?? null),
      messageId: recipient.messageId ?? null,
      attemptedAt: recipient.attemptedAt ?? null,
      finishedAt: recipient.finishedAt ?? null,
    })),
  };
}

/**
 * Explains every client update recorded for one project, newest first: for each client and each
 * update, whether it was sent and why not, as the outbox stored it when the decision was made.
 * Nothing is recomputed, so a toggle changed later does not rewrite the past.
 */
export async function explainProjectNotifications(firmId: string, clioMatterId: number): Promise<UpdateExplanation[]> {
  const docs = await Notification.find({ firmId, provider: 'clio', clioMatterId, kind: { $in: ['new_project', 'phase_change'] } })
    .sort({ createdAt: -1, _id: -1 })
    .limit(MAX_EXPLAINED_UPDATES)
    .lean<(StoredNotification & { createdAt?: Date })[]>();
  return docs.map(toUpdateExplanation);
}
