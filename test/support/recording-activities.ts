import { Context } from '@temporalio/activity';
import type { Activities } from '../../activities';
import type { IntegrationState, SyncRequest } from '../../workflows/messages';

/** One call an activity recorded, with the (possibly skipped) server time it was scheduled at. */
export interface RecordedCall {
  name: string;
  at: Date;
  args: unknown[];
}

/**
 * Activities that record their calls instead of reaching Clio and the database, for workflow
 * tests about timing and message handling. `pages` sets how many Clio pages a full sync reads.
 */
export function createRecordingActivities(options: {
  timeZone: string;
  pages?: number;
  /** Awaited by every Clio page and project sync, so a test can hold a sync open. */
  gate?: () => Promise<void>;
  /** Returns an error for the next Clio call to throw, or null to succeed. */
  clioFailure?: () => Error | null;
  /** Returns an error for the firm's next credential check to throw, or null to succeed. */
  credentialFailure?: (firmId: string) => Error | null;
  /** Returns the ISO time a dispatch pass at `at` reports as the firm's next due update, or null for none. */
  nextDispatchAt?: (firmId: string, at: Date) => string | null;
}) {
  const calls: RecordedCall[] = [];
  const states: IntegrationState[] = [];
  const record = (name: string, args: unknown[]) => {
    calls.push({ name, at: new Date(Context.current().info.currentAttemptScheduledTimestampMs), args });
  };
  const pages = options.pages ?? 1;
  const activities: Activities = {
    async saveIntegrationState(state: IntegrationState) { states.push(state); },
    async getFirmTimeZone() { return options.timeZone; },
    async disconnectClio(firmId: string) { record('disconnectClio', [firmId]); },
    async checkClioCredentials(firmId: string) {
      record('checkClioCredentials', [firmId]);
      const failure = options.credentialFailure?.(firmId);
      if (failure) {
        throw failure;
      }
    },
    async recordSyncRequest(firmId: string, request: SyncRequest) { record('recordSyncRequest', [firmId, request]); },
    async startSyncRun(syncRunId: string, updatedSince?: string | null) { record('startSyncRun', [syncRunId, updatedSince]); },
    async finishSyncRun(syncRunId: string, outcome) {
      record('finishSyncRun', [syncRunId, outcome]);
      return new Date(Context.current().info.currentAttemptScheduledTimestampMs).toISOString();
    },
    async syncMatterPage(input) {
      record('syncMatterPage', [input]);
      await options.gate?.();
      const failure = options.clioFailure?.();
      if (failure) {
        throw failure;
      }
      const page = input.nextUrl ? Number(new URL(input.nextUrl).searchParams.get('page')) : 1;
      const nextUrl = page < pages ? `http://127.0.0.1/api/v4/matters.json?page=${page + 1}` : null;
      return { fetched: 1, created: 1, updated: 0, unchanged: 0, failed: 0, requests: 2, rateLimited: 0, expectedRecords: pages, nextUrl };
    },
    async syncProject(input) {
      record('syncProject', [input]);
      await options.gate?.();
      const failure = options.clioFailure?.();
      if (failure) {
        throw failure;
      }
      return { fetched: 1, created: 0, updated: 1, unchanged: 0, failed: 0, requests: 2, rateLimited: 0, expectedRecords: 1, nextUrl: null };
    },
    async reconcileMatterPage(input) {
      record('reconcileMatterPage', [input]);
      return { fetched: 1, restored: 0, requests: 1, rateLimited: 0, nextUrl: null };
    },
    async archiveUnseenProjects(input) {
      record('archiveUnseenProjects', [input]);
      return 0;
    },
    async fetchClioOptions(firmId: string) {
      record('fetchClioOptions', [firmId]);
      return { practiceAreas: [], matterCustomFields: [] };
    },
    async rederiveProjects(firmId: string, syncRunId: string) {
      record('rederiveProjects', [firmId, syncRunId]);
      await options.gate?.();
      return { afterClioMatterId: 0, pages: 1, fetched: 1, updated: 1, unchanged: 0 };
    },
    async recordProjectChanges(input) {
      record('recordProjectChanges', [input]);
      return { queued: 0, preview: 0, suppressed: 0, duplicates: 0, superseded: 0, skipped: 0 };
    },
    async dispatchDueNotifications(input) {
      record('dispatchDueNotifications', [input]);
      const at = new Date(Context.current().info.currentAttemptScheduledTimestampMs);
      return { claimed: 0, recovered: 0, sent: 0, failed: 0, suppressed: 0, requeued: 0, deferred: 0, more: false, inSendingHours: true, nextDueAt: options.nextDispatchAt?.(input.firmId, at) ?? null };
    },
    async sendAdminAlert(input) {
      record('sendAdminAlert', [input]);
      return { state: 'sent', duplicate: false, recipients: 1 };
    },
    async withdrawQueuedNotifications(input) {
      record('withdrawQueuedNotifications', [input]);
      return 0;
    },
  };
  return { activities, calls, states };
}
