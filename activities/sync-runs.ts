import { SyncRun } from '../lib/models';
import type { SyncRequest } from '../workflows/messages';
import type { ActivityDependencies } from './dependencies';

/** Counts a finished sync run reports. */
export interface SyncCounts {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** Builds the activities that record the life of a sync run. */
export function createSyncRunActivities(deps: ActivityDependencies) {
  const now = deps.now ?? (() => new Date());

  return {
    /** Records a requested sync run as queued; a repeated call leaves the first record as it is. */
    async recordSyncRequest(firmId: string, request: SyncRequest): Promise<void> {
      await SyncRun.updateOne(
        { _id: request.syncRunId },
        { $setOnInsert: { firmId, provider: 'clio', kind: request.kind, trigger: request.trigger, clioMatterId: request.matterId, state: 'queued', requestedAt: now() } },
        { upsert: true },
      );
    },

    /** Marks a sync run as running and clears its counts, so a retried run starts from zero. */
    async startSyncRun(syncRunId: string, updatedSince?: string | null): Promise<void> {
      await SyncRun.updateOne(
        { _id: syncRunId },
        {
          $set: {
            state: 'running', startedAt: now(), pages: 0, requests: 0, rateLimited: 0, error: null, expectedRecords: null,
            counts: { fetched: 0, created: 0, updated: 0, unchanged: 0, archived: 0, restored: 0, failed: 0, skipped: 0 },
            updatedSince: updatedSince ? new Date(updatedSince) : null,
          },
        },
      );
    },

    /** Marks a sync run completed or failed and stores how long it took; returns the finish time. */
    async finishSyncRun(syncRunId: string, outcome: { state: 'completed' | 'failed'; error?: string }): Promise<string> {
      const finishedAt = now();
      const run = await SyncRun.findById(syncRunId, { startedAt: 1 }).lean();
      const durationMs = run?.startedAt ? finishedAt.getTime() - run.startedAt.getTime() : null;
      await SyncRun.updateOne({ _id: syncRunId }, {
          $set: { state: outcome.state, finishedAt, durationMs, error: outcome.error ?? null },
        });
      deps.logger.info({ syncRunId, state: outcome.state, durationMs }, 'sync run finished');
      return finishedAt.toISOString();
    },
  };
}
