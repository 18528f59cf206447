import { Context } from '@temporalio/activity';
import type { IntegrationStatus } from '../lib/integration-status';
import type { Logger } from '../lib/logger';
import {
  DEFAULT_BUSINESS_HOUR, DEFAULT_SENDING_TIMEOUT_MS, dispatchDueNotifications, nextDispatchTime, readFirmSchedule, recordProjectChanges, sendAdminAlert,
  withdrawQueuedUpdates, withinSendingHours,
  type AdminAlertInput, type AdminAlertResult, type Dispatcher, type DispatchResult, type NotificationTransports, type ProjectChange,
  type RecordChangesResult, type WithdrawReason,
} from '../lib/notifications';
import { Notification } from '../lib/models';
import { activityTime } from './activity-time';
import { heartbeatIfActivity, whileHeartbeating } from './heartbeat';

/** Dependencies of the notification activities; tests hand in transports aimed at local servers. */
export interface NotificationActivityDependencies {
  transports: NotificationTransports;
  logger: Logger;
  /** Address of the web app, for the reconnect link in admin alerts (PUBLIC_URL). */
  publicUrl: string;
  /** Local time queued client updates go out (NOTIFY_BUSINESS_HOUR). @default 08:00 */
  businessHour?: string;
  /** Time after which a notification left in `sending` is taken over. @default DEFAULT_SENDING_TIMEOUT_MS */
  sendingTimeoutMs?: number;
  now?: () => Date;
}

/** Input of recordProjectChanges; `now` is the workflow's time as ISO text, so a retry records the same due date. */
export interface RecordProjectChangesInput {
  firmId: string;
  integrationStatus: IntegrationStatus;
  changes: ProjectChange[];
  now?: string;
}

/** Input of dispatchDueNotifications; `now` is ISO text, the activity's time when absent. */
export interface DispatchDueNotificationsInput {
  firmId: string;
  now?: string;
}

/** Counts of one dispatch pass, and when the firm's outbox next has work for a pass. */
export interface DispatchPassResult extends DispatchResult {
  /** False when the pass found the firm outside its sending hours and sent nothing. */
  inSendingHours: boolean;
  /** ISO time of the next due update or claim takeover, in sending hours. Null when nothing waits. */
  nextDueAt: string | null;
}

/** An admin alert's result; `retryAt` is set while a failed delivery waits to be tried again. */
export interface AdminAlertActivityResult extends AdminAlertResult {
  retryAt?: string;
}

/** Input of withdrawQueuedNotifications. */
export interface WithdrawQueuedInput {
  firmId: string;
  reason: WithdrawReason;
}

/** Returns the identity of the running dispatch activity across its attempts, or undefined outside an activity (as in unit tests). */
function currentDispatcher(): Dispatcher | undefined {
  let info;
  try {
    info = Context.current().info;
  } catch {
    return undefined;
  }
  const execution = info.workflowExecution;
  return execution ? { id: `${execution.workflowId}/${execution.runId}/${info.activityId}`, retry: info.attempt > 1 } : undefined;
}

/**
 * Heartbeat period during a dispatch pass. One SMTP attempt may take over a minute, so the pass
 * also heartbeats on a timer: a live worker keeps its attempt, and a dead one stops within the
 * activity's heartbeat timeout.
 */
const DISPATCH_HEARTBEAT_MS = 20_000;

/** Builds the activities that record client updates in the outbox, send them and alert firm admins. */
export function createNotificationActivities(deps: NotificationActivityDependencies) {
  const clock = deps.now ?? (() => new Date());
  const timeOf = (iso?: string) => (iso ? new Date(iso) : activityTime(clock));
  const businessHour = deps.businessHour ?? DEFAULT_BUSINESS_HOUR;
  const sendingTimeoutMs = deps.sendingTimeoutMs ?? DEFAULT_SENDING_TIMEOUT_MS;
  const dispatchOptions = (now: Date) => ({ now, transports: deps.transports, logger: deps.logger, sendingTimeoutMs, onProgress: heartbeatIfActivity, dispatcher: currentDispatcher() });

  return {
    /**
     * Records one notification per project change: queued for the firm's next business window
     * while Active, a preview while Connected, Inactive, otherwise suppressed. A change recorded
     * before adds nothing, and a newer phase change supersedes the project's older pending ones.
     * Returns counts only.
     */
    async recordProjectChanges(input: RecordProjectChangesInput): Promise<RecordChangesResult> {
      return recordProjectChanges(
        { firmId: input.firmId, integrationStatus: input.integrationStatus, changes: input.changes },
        { now: timeOf(input.now), businessHour, smsEnabled: Boolean(deps.transports.sms), logger: deps.logger },
      );
    },

    /**
     * Sends the firm's due notifications and takes over those a stopped dispatcher left in
     * sending: at once when this is a retry of the activity that left them, otherwise after the
     * sending timeout. It runs only in the firm's sending hours (business days from the business hour on).
     * Every attempt at one recipient uses the same idempotency key, and an email whose result a
     * crash lost is never sent again (see deliverRecipient in lib/notifications/deliver.ts).
     * Returns the counts and when the next pass has work.
     */
    async dispatchDueNotifications(input: DispatchDueNotificationsInput): Promise<DispatchPassResult> {
      const now = timeOf(input.now);
      const schedule = await readFirmSchedule(input.firmId, businessHour);
      const inSendingHours = withinSendingHours(now, schedule);
      let result: DispatchResult = { claimed: 0, recovered: 0, sent: 0, failed: 0, suppressed: 0, requeued: 0, deferred: 0, more: false };
      if (inSendingHours) {
        result = await whileHeartbeating(() => dispatchDueNotifications(input.firmId, dispatchOptions(now)), DISPATCH_HEARTBEAT_MS);
      }
      const next = result.more ? now : await nextDispatchTime(input.firmId, { now, sendingTimeoutMs, schedule });
      const nextDueAt = next?.toISOString() ?? null;
      deps.logger.info({ firmId: input.firmId, ...result, inSendingHours, nextDueAt }, 'notification dispatch pass finished');
      return { ...result, inSendingHours, nextDueAt };
    },

    /**
     * Emails the firm's admins that syncing has stopped and how to reconnect, once per dedupeKey.
     * When the delivery failed for now, the result carries the time a repeat call retries it.
     */
    async sendAdminAlert(input: AdminAlertInput): Promise<AdminAlertActivityResult> {
      const result = await sendAdminAlert(input, { ...dispatchOptions(activityTime(clock)), publicUrl: deps.publicUrl });
      if (result.state !== 'queued') {
        return result;
      }
      const stored = await Notification.findOne({ firmId: input.firmId, kind: 'admin_alert', alertKind: input.kind, changeId: input.dedupeKey }, { dueAt: 1 }).lean();
      deps.logger.warn({ firmId: input.firmId, kind: input.kind, retryAt: stored?.dueAt }, 'SMTP server deferred the admin alert, so it waits for a retry');
      return { ...result, retryAt: (stored?.dueAt ?? activityTime(clock)).toISOString() };
    },

    /** Suppresses the firm's queued client updates after the integration stopped being Active. Returns how many it suppressed. */
    async withdrawQueuedNotifications(input: WithdrawQueuedInput): Promise<number> {
      const withdrawn = await withdrawQueuedUpdates(input.firmId, input.reason, activityTime(clock));
      if (withdrawn > 0) {
        deps.logger.info({ firmId: input.firmId, reason: input.reason, withdrawn }, 'withdrew queued client updates');
      }
      return withdrawn;
    },
  };
}

/** The notification activities, as a workflow proxies them with `import type`. */
export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
