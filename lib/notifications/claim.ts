import { randomUUID } from 'node:crypto';
import type { Types } from 'mongoose';
import { Notification } from '../models';
import type { NotificationDoc } from '../models/notification';

/**
 * How long a claimed notification may stay in `sending` before another dispatcher takes it
 * over as stopped. It is well above the transports' own timeouts (at most about 80 seconds for
 * one SMTP attempt, 15 for one SMS request), so an attempt still in flight at takeover has
 * ended by then. It should also exceed the dispatch activity's start-to-close timeout.
 * @default 10 minutes
 */
export const DEFAULT_SENDING_TIMEOUT_MS = 10 * 60_000;

/** Dispatch passes a notification gets before its undelivered recipients count as failed. */
export const MAX_DISPATCH_ATTEMPTS = 5;

/** Wait before the next pass after a pass left recipients to retry, by the number of passes so far. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000];

/** A stored notification with its id. */
export type StoredNotification = NotificationDoc & { _id: Types.ObjectId };

/** A notification this dispatcher holds: every write it makes is conditioned on `token`. */
export interface Claim {
  doc: StoredNotification;
  token: string;
  /** True when the notification was taken over from a dispatcher that stopped mid-pass. */
  recovered: boolean;
}

/** The dispatcher making a claim, when it runs as a Temporal activity. */
export interface Dispatcher {
  /** Identifies the activity across its attempts: workflow id, run id and activity id. */
  id: string;
  /** True from the second attempt on: Temporal started it after the previous attempt failed or timed out. */
  retry: boolean;
}

/**
 * Claims the next notification of the firm to dispatch: first one left in `sending` for longer
 * than `sendingTimeoutMs`, or left by an earlier attempt of the same dispatch activity, then
 * the queued one due longest ago. The claim is one atomic update that sets a fresh token, so
 * two dispatchers never hold one notification. `exclude` lists ids this pass has already handled.
 */
export async function claimNext(firmId: string, now: Date, sendingTimeoutMs: number, exclude: Types.ObjectId[], dispatcher?: Dispatcher): Promise<Claim | null> {
  const token = randomUUID();
  const claim = { $set: { state: 'sending', claimToken: token, claimedAt: now, claimedBy: dispatcher?.id ?? null }, $inc: { dispatchAttempts: 1 } };
  const timedOut = { claimedAt: { $lte: new Date(now.getTime() - sendingTimeoutMs) } };
  // A retry takes over its earlier attempt's claims at once, because Temporal has given that
  // attempt up and a takeover never sends an email twice (see deliverRecipient).
  const abandoned = dispatcher?.retry ? [timedOut, { claimedBy: dispatcher.id }] : [timedOut];
  const stale = await Notification.findOneAndUpdate(
    { firmId, state: 'sending', $or: abandoned, _id: { $nin: exclude } },
    claim,
    { new: true, sort: { claimedAt: 1 } },
  ).lean<StoredNotification>();
  if (stale) {
    return { doc: stale, token, recovered: true };
  }
  const due = await Notification.findOneAndUpdate(
    { firmId, state: 'queued', dueAt: { $lte: now }, _id: { $nin: exclude } },
    claim,
    { new: true, sort: { dueAt: 1, _id: 1 } },
  ).lean<StoredNotification>();
  return due ? { doc: due, token, recovered: false } : null;
}

/** Claims one queued notification by id, as sending an admin alert at once does. */
export async function claimQueued(id: Types.ObjectId, now: Date): Promise<Claim | null> {
  const token = randomUUID();
  const doc = await Notification.findOneAndUpdate(
    { _id: id, state: 'queued' },
    { $set: { state: 'sending', claimToken: token, claimedAt: now }, $inc: { dispatchAttempts: 1 } },
    { new: true },
  ).lean<StoredNotification>();
  return doc ? { doc, token, recovered: false } : null;
}

/** Returns a claimed notification to the queue without counting the pass, as when its integration is paused. */
export async function releaseClaim(claim: Claim): Promise<void> {
  await Notification.updateOne(
    { _id: claim.doc._id, claimToken: claim.token, state: 'sending' },
    { $set: { state: 'queued', claimToken: null, claimedAt: null }, $inc: { dispatchAttempts: -1 } },
  );
}

/**
 * Ends a pass that left recipients to retry: queues the notification again after a backoff, or
 * after MAX_DISPATCH_ATTEMPTS passes marks those recipients failed. Does nothing when the claim
 * was lost.
 */
export async function endPassWithRetries(claim: Claim, now: Date): Promise<'requeued' | 'exhausted' | 'lost'> {
  const doc = await Notification.findOne({ _id: claim.doc._id, claimToken: claim.token, state: 'sending' }).lean<StoredNotification>();
  if (!doc) {
    return 'lost';
  }
  if (doc.dispatchAttempts < MAX_DISPATCH_ATTEMPTS) {
    const delay = RETRY_DELAYS_MS[Math.min(doc.dispatchAttempts - 1, RETRY_DELAYS_MS.length - 1)];
    await Notification.updateOne(
      { _id: doc._id, claimToken: claim.token, state: 'sending' },
      { $set: { state: 'queued', dueAt: new Date(now.getTime() + delay), claimToken: null, claimedAt: null } },
    );
    return 'requeued';
  }
  const fields: Record<string, unknown> = {};
  doc.recipients.forEach((recipient, index) => {
    if (recipient.status === 'pending') {
      fields[`recipients.${index}.status`] = 'failed';
      fields[`recipients.${index}.reason`] = 'retries_exhausted';
      fields[`recipients.${index}.message`] = `Delivery failed on each of ${MAX_DISPATCH_ATTEMPTS} dispatch passes; the last error was: ${recipient.message ?? 'none recorded'}`;
      fields[`recipients.${index}.finishedAt`] = now;
    }
  });
  await Notification.updateOne({ _id: doc._id, claimToken: claim.token, state: 'sending' }, { $set: fields, $inc: { revision: 1 } });
  return 'exhausted';
}

/**
 * Writes the final state once every recipient has a result: failed when any recipient failed,
 * suppressed when none was sent, sent otherwise. The write is conditioned on the revision it
 * read, so a recipient result written meanwhile is never overwritten by an older view. When that
 * happens it reads again, up to five times. Returns the state written, or null when recipients remain.
 */
export async function settleIfFinished(id: Types.ObjectId, now: Date): Promise<string | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const doc = await Notification.findById(id).lean<StoredNotification>();
    if (!doc || !['sending', 'sent', 'failed'].includes(doc.state)) {
      return null;
    }
    if (doc.recipients.some((recipient) => recipient.status === 'pending' || recipient.status === 'sending')) {
      return null;
    }
    const statuses = doc.recipients.map((recipient) => recipient.status);
    const state = statuses.includes('failed') ? 'failed' : statuses.includes('sent') ? 'sent' : 'suppressed';
    const result = await Notification.updateOne({ _id: id, revision: doc.revision, state: doc.state }, { $set: { state, finishedAt: now, claimToken: null } });
    if (result.matchedCount === 1) {
      return state;
    }
  }
  return null;
}
