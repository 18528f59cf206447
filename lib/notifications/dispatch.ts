import type { Types } from 'mongoose';
import type { Logger } from '../logger';
import { Integration, Notification, Project } from '../models';
import type { ClientNotificationKind } from '../models/notification';
import { claimNext, claimQueued, endPassWithRetries, releaseClaim, settleIfFinished, type Claim, type Dispatcher } from './claim';
import { decideNotification, matterClosedOf } from './decide';
import { deliverRecipient } from './deliver';
import type { NotificationTransports } from './transport';

/** Settings of one dispatch pass. */
export interface DispatchOptions {
  /** The dispatch time: due dates, claims and stored timestamps all use it. */
  now: Date;
  transports: NotificationTransports;
  logger: Logger;
  sendingTimeoutMs: number;
  /** Most notifications one pass handles, so one call stays short. @default 100 */
  maxNotifications?: number;
  /** Called after each notification, for an activity heartbeat. */
  onProgress?: () => void;
  /** The dispatch activity running the pass; without it, only claims older than sendingTimeoutMs are taken over. */
  dispatcher?: Dispatcher;
}

/** Counts of one pass; `more` is true when the pass stopped at maxNotifications. */
export interface DispatchResult {
  claimed: number;
  recovered: number;
  sent: number;
  failed: number;
  suppressed: number;
  requeued: number;
  /** Left queued because the integration requires reauthorization. */
  deferred: number;
  more: boolean;
}

/** The end of handling one claimed notification. */
type Handled = 'sent' | 'failed' | 'suppressed' | 'requeued' | 'deferred' | 'lost';

/**
 * Sends the firm's due notifications, and takes over those a stopped dispatcher left in
 * `sending`. Each notification is claimed atomically, and each recipient's result is stored
 * before the next recipient is attempted. deliverRecipient describes what a takeover resends.
 */
export async function dispatchDueNotifications(firmId: string, options: DispatchOptions): Promise<DispatchResult> {
  const result: DispatchResult = { claimed: 0, recovered: 0, sent: 0, failed: 0, suppressed: 0, requeued: 0, deferred: 0, more: false };
  const handled: Types.ObjectId[] = [];
  const limit = options.maxNotifications ?? 100;
  while (handled.length < limit) {
    const claim = await claimNext(firmId, options.now, options.sendingTimeoutMs, handled, options.dispatcher);
    if (!claim) {
      return result;
    }
    handled.push(claim.doc._id);
    result.claimed += 1;
    result.recovered += claim.recovered ? 1 : 0;
    const outcome = await handleClaim(claim, options);
    if (outcome !== 'lost') {
      result[outcome] += 1;
    }
    options.onProgress?.();
  }
  result.more = true;
  return result;
}

/** Sends one queued notification now, such as a new admin alert; returns null when it is not queued. */
export async function dispatchNotificationNow(id: Types.ObjectId, options: DispatchOptions): Promise<Handled | null> {
  const claim = await claimQueued(id, options.now);
  return claim ? handleClaim(claim, options) : null;
}

async function handleClaim(claim: Claim, options: DispatchOptions): Promise<Handled> {
  const { doc } = claim;
  // A pass that already started a delivery had decided to send, so a taken-over pass finishes it.
  const started = doc.recipients.some((recipient) => recipient.status === 'sending');
  if (!started) {
    const stop = doc.kind === 'admin_alert' ? await recheckAdminAlert(claim, options.now) : await recheckClientUpdate(claim, options.now);
    if (stop) {
      return stop;
    }
  }

  const context = { transports: options.transports, now: options.now, logger: options.logger };
  let retry = false;
  for (let index = 0; index < doc.recipients.length; index++) {
    const outcome = await deliverRecipient(claim, index, context);
    if (outcome === 'lost') {
      options.logger.warn({ firmId: doc.firmId, notificationId: String(doc._id) }, 'another dispatcher took over the notification; this pass stops');
      return 'lost';
    }
    retry ||= outcome === 'retry';
  }

  if (retry && (await endPassWithRetries(claim, options.now)) === 'requeued') {
    return 'requeued';
  }
  const state = await settleIfFinished(doc._id, options.now);
  options.logger.info({ firmId: doc.firmId, notificationId: String(doc._id), kind: doc.kind, state }, 'notification dispatched');
  return state === 'sent' || state === 'failed' || state === 'suppressed' ? state : 'lost';
}

/**
 * Checks a client update against the integration and project as they are now. A paused
 * integration (reauthorization required) leaves it queued. A deactivated integration, a
 * project closed or archived since, or a toggle turned off since suppresses the recipients not
 * yet sent, and stores the check.
 */
async function recheckClientUpdate(claim: Claim, now: Date): Promise<Handled | null> {
  const { doc } = claim;
  const integration = await Integration.findOne({ firmId: doc.firmId, provider: 'clio' }, { status: 1 }).lean();
  const project = await Project.findOne({ firmId: doc.firmId, provider: 'clio', clioMatterId: doc.clioMatterId }, { status: 1, 'raw.status': 1, notificationToggles: 1 }).lean();
  const decision = decideNotification({
    integrationStatus: integration?.status ?? 'not_connected',
    projectToggles: { newProject: project?.notificationToggles?.newProject ?? true, phaseChange: project?.notificationToggles?.phaseChange ?? true },
    projectStatus: project?.status ?? 'archived',
    matterClosed: project ? matterClosedOf(project) : undefined,
    kind: doc.kind as ClientNotificationKind,
    phase: doc.phase,
  });
  if (decision.outcome === 'queue') {
    return null;
  }
  if (decision.reason === 'reauthorization_required') {
    await releaseClaim(claim);
    return 'deferred';
  }
  return suppressPending(claim, now, decision.reason, `At dispatch: ${decision.message}`);
}

/**
 * Checks an admin alert that waited in the queue, after a deferred delivery: once the firm has
 * reconnected or disconnected, the alert that syncing stopped is out of date and is suppressed.
 */
async function recheckAdminAlert(claim: Claim, now: Date): Promise<Handled | null> {
  const integration = await Integration.findOne({ firmId: claim.doc.firmId, provider: 'clio' }, { status: 1 }).lean();
  if (integration?.status === 'reauthorization_required') {
    return null;
  }
  return suppressPending(claim, now, 'integration_reconnected', 'At dispatch: the integration no longer required reauthorization, so the alert that syncing stopped is out of date and is not sent.');
}

/** Suppresses the recipients not yet sent, stores the check and settles the notification. */
async function suppressPending(claim: Claim, now: Date, reason: string, message: string): Promise<Handled> {
  const { doc } = claim;
  const fields: Record<string, unknown> = {};
  doc.recipients.forEach((recipient, index) => {
    if (recipient.status === 'pending') {
      fields[`recipients.${index}.status`] = 'suppressed';
      fields[`recipients.${index}.reason`] = reason;
      fields[`recipients.${index}.message`] = message;
      fields[`recipients.${index}.finishedAt`] = now;
    }
  });
  await Notification.updateOne(
    { _id: doc._id, claimToken: claim.token, state: 'sending' },
    { $set: fields, $push: { checks: { check: 'dispatch', result: 'fail', reason, message, at: now } }, $inc: { revision: 1 } },
  );
  const state = await settleIfFinished(doc._id, now);
  return state === 'suppressed' || state === 'sent' || state === 'failed' ? state : 'lost';
}
