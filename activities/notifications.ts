import { heartbeat } from '@temporalio/activity';
import type { IntegrationStatus } from '../lib/integration-status';
import type { Logger } from '../lib/logger';
import {
  DEFAULT_BUSINESS_HOUR, DEFAULT_SENDING_TIMEOUT_MS, dispatchDueNotifications, recordProjectChanges, sendAdminAlert,
  type AdminAlertInput, type AdminAlertResult, type DispatchResult, type NotificationTransports, type ProjectChange, type RecordChangesResult,
} from '../lib/notifications';

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

/** Input of dispatchDueNotifications; `now` is ISO text, the worker's clock when absent. */
export interface DispatchDueNotificationsInput {
  firmId: string;
  now?: string;
}

/** Calls heartbeat when running inside an activity, so tests may call the functions directly. */
function heartbeatIfActivity(): void {
  try {
    heartbeat();
  } catch {
    // Outside an activity context there is no one to report to.
  }
}

/** Builds the activities that record client updates in the outbox, send them and alert firm admins. */
export function createNotificationActivities(deps: NotificationActivityDependencies) {
  const clock = deps.now ?? (() => new Date());
  const timeOf = (iso?: string) => (iso ? new Date(iso) : clock());
  const dispatchOptions = (now: Date) => ({
    now, transports: deps.transports, logger: deps.logger, sendingTimeoutMs: deps.sendingTimeoutMs ?? DEFAULT_SENDING_TIMEOUT_MS, onProgress: heartbeatIfActivity,
  });

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
        { now: timeOf(input.now), businessHour: deps.businessHour ?? DEFAULT_BUSINESS_HOUR, smsEnabled: Boolean(deps.transports.sms), logger: deps.logger },
      );
    },

    /**
     * Sends the firm's due notifications and takes over those a stopped dispatcher left in
     * sending. Every attempt at one recipient uses the same idempotency key, and an email whose
     * result a crash lost is never sent again (see deliverRecipient in lib/notifications/deliver.ts).
     */
    async dispatchDueNotifications(input: DispatchDueNotificationsInput): Promise<DispatchResult> {
      const result = await dispatchDueNotifications(input.firmId, dispatchOptions(timeOf(input.now)));
      deps.logger.info({ firmId: input.firmId, ...result }, 'notification dispatch pass finished');
      return result;
    },

    /** Emails the firm's admins that syncing has stopped and how to reconnect, once per dedupeKey. */
    async sendAdminAlert(input: AdminAlertInput): Promise<AdminAlertResult> {
      return sendAdminAlert(input, { ...dispatchOptions(clock()), publicUrl: deps.publicUrl });
    },
  };
}

/** The notification activities, as a workflow proxies them with `import type`. */
export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
