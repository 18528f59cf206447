import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { CredentialStore } from '../../lib/credentials';
import { integrationWorkflowId } from '../../lib/integration-status';
import { Firm, SyncRun } from '../../lib/models';
import type { SyncRunDoc } from '../../lib/models/sync-run';
import * as m from '../../workflows/messages';
import { grantSandboxAccess } from '../../test/support/sandbox-grant';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** Gap between two reads of the sync run while waiting for it to finish. */
const POLL_INTERVAL_MS = 100;

/** A finished sync run record. */
export type FinishedSyncRun = SyncRunDoc & { _id: string };

/**
 * Time split of a full sync, from the child workflow's history over all its runs: activities
 * executing, activities waiting in the task queue, and the rest (workflow tasks, progress signals).
 */
export interface SyncPhases {
  workflowRuns: number;
  activities: number;
  wallMs: number;
  activityMs: number;
  queueWaitMs: number;
  otherMs: number;
}

/**
 * Connects `firmId` to a sandbox account (the default account unless `accountId` is given), as the
 * OAuth callback does, and starts the firm's integration workflow.
 */
export async function connectFirm(options: { client: Client; credentials: CredentialStore; sandboxUrl: string; firmId: string; accountId?: string }) {
  const { client, credentials, sandboxUrl, firmId } = options;
  await Firm.create({ _id: firmId, name: firmId, timeZone: 'America/New_York' });
  const tokens = await grantSandboxAccess(sandboxUrl, 'us', options.accountId);
  const credentialVersion = await credentials.save(firmId, 'us', tokens);
  return client.workflow.signalWithStart('integrationWorkflow', {
    workflowId: integrationWorkflowId(firmId),
    taskQueue: 'integrations',
    args: [{ firmId }],
    signal: m.clioAuthorizedSignal,
    signalArgs: [{ credentialVersion, region: 'us', clioUser: null }],
  });
}

/** Requests a full sync through the integration workflow and waits until its run record is finished. */
export async function runFullSync(handle: Awaited<ReturnType<typeof connectFirm>>, timeoutMs: number): Promise<FinishedSyncRun> {
  const accepted = await handle.executeUpdate(m.syncAllUpdate, { args: [{ mode: 'full' }] });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await SyncRun.findById(accepted.syncRunId).lean();
    if (run && (run.state === 'completed' || run.state === 'failed')) {
      return run as FinishedSyncRun;
    }
    if (Date.now() > deadline) {
      throw new Error(`Sync run ${accepted.syncRunId} did not finish within ${timeoutMs / 1000} s; last state ${run?.state ?? 'missing'}, ${run?.pages ?? 0} pages`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

function seconds(event: HistoryEvent | undefined): number {
  return Number(event?.eventTime?.seconds ?? 0) + (event?.eventTime?.nanos ?? 0) / 1e9;
}

/** Splits the time of the sync child workflow `sync-clio-<firmId>-<syncRunId>` into phases. */
export async function describeSyncPhases(client: Client, firmId: string, syncRunId: string): Promise<SyncPhases> {
  const workflowId = `sync-clio-${firmId}-${syncRunId}`;
  const phases: SyncPhases = { workflowRuns: 0, activities: 0, wallMs: 0, activityMs: 0, queueWaitMs: 0, otherMs: 0 };
  for await (const execution of client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) {
    const history = await client.workflow.getHandle(workflowId, execution.runId).fetchHistory();
    const events = history.events ?? [];
    phases.workflowRuns += 1;
    phases.wallMs += (seconds(events[events.length - 1]) - seconds(events[0])) * 1000;
    const scheduled = new Map<number, HistoryEvent>();
    const started = new Map<number, HistoryEvent>();
    for (const event of events) {
      if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
        scheduled.set(Number(event.eventId), event);
      } else if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        started.set(Number(event.activityTaskStartedEventAttributes?.scheduledEventId), event);
      } else if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
        const scheduledId = Number(event.activityTaskCompletedEventAttributes?.scheduledEventId);
        const start = started.get(scheduledId);
        phases.activities += 1;
        phases.activityMs += (seconds(event) - seconds(start)) * 1000;
        phases.queueWaitMs += (seconds(start) - seconds(scheduled.get(scheduledId))) * 1000;
      }
    }
  }
  phases.otherMs = phases.wallMs - phases.activityMs - phases.queueWaitMs;
  return phases;
}
