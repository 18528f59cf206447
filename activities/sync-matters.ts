import { heartbeat } from '@temporalio/activity';
import { SyncRun } from '../lib/models';
import { clioApiFor, type ActivityDependencies } from './dependencies';
import { toActivityFailure } from './failures';
import { upsertProjects } from './project-upsert';
import type { SyncCounts } from './sync-runs';

/** Input of one page of a full sync; `nextUrl` is null for the first page. */
export interface MatterPageInput {
  firmId: string;
  syncRunId: string;
  nextUrl: string | null;
}

/** What one page did; the matters themselves never leave the activity. */
export interface MatterPageResult extends SyncCounts {
  nextUrl: string | null;
}

/** Builds the activities that read matters from Clio and write projects. */
export function createSyncMatterActivities(deps: ActivityDependencies) {
  return {
    /**
     * Fetches one page of matters from Clio and upserts their projects in the same call, so data
     * pages never pass through workflow history. Returns counts and the cursor of the next page.
     */
    async syncMatterPage(input: MatterPageInput): Promise<MatterPageResult> {
      const context = `Syncing matters of firm ${input.firmId}`;
      try {
        const api = await clioApiFor(deps, input.firmId);
        heartbeat();
        const page = input.nextUrl ? await api.nextPage<Parameters<typeof upsertProjects>[1][number]>(input.nextUrl) : await api.listMatters();
        const counts = await upsertProjects(input.firmId, page.data, input.syncRunId);
        const fetched = page.data.length;
        await SyncRun.updateOne(
          { _id: input.syncRunId },
          { $inc: { pages: 1, 'counts.fetched': fetched, 'counts.created': counts.created, 'counts.updated': counts.updated, 'counts.unchanged': counts.unchanged } },
        );
        return { fetched, ...counts, nextUrl: page.nextUrl };
      } catch (error) {
        throw toActivityFailure(error, context);
      }
    },

    /** Fetches one matter by id and upserts its project, counting the result on the sync run. */
    async syncProject(input: { firmId: string; syncRunId: string; matterId: number }): Promise<SyncCounts> {
      const context = `Syncing Clio matter ${input.matterId} of firm ${input.firmId}`;
      try {
        const api = await clioApiFor(deps, input.firmId);
        const matter = await api.getMatter(input.matterId);
        const counts = await upsertProjects(input.firmId, [matter], input.syncRunId);
        await SyncRun.updateOne(
          { _id: input.syncRunId },
          { $set: { pages: 1, counts: { fetched: 1, ...counts } } },
        );
        return { fetched: 1, ...counts };
      } catch (error) {
        throw toActivityFailure(error, context);
      }
    },
  };
}
