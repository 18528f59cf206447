import type { ClioApi } from '../lib/clio/api';
import type { ClioContact, ClioMatter } from '../lib/clio/types';
import { applyMapping } from '../lib/mapping';
import { Project, SyncRun } from '../lib/models';
import { findFirmMapping } from '../lib/models/mapping';
import { clioApiFor, type ActivityDependencies } from './dependencies';
import { toActivityFailure } from './failures';
import { whileHeartbeating } from './heartbeat';
import { contactIdsOf } from './project-mapping';
import { recordOwedChanges } from './record-owed-changes';
import { upsertProjects, type UpsertCounts } from './project-upsert';

/** Input of one page of a full or incremental sync; `nextUrl` is null for the first page. */
export interface MatterPageInput {
  firmId: string;
  syncRunId: string;
  nextUrl: string | null;
  /** ISO time: only matters updated after it are read (incremental sync). */
  updatedSince?: string | null;
  /** Flag for the firm's first full sync, whose new projects owe no client update (see UpsertBatch.importing). */
  importing?: boolean;
}

/** What one page did; the matters themselves never leave the activity. */
export interface MatterPageResult extends UpsertCounts {
  fetched: number;
  requests: number;
  rateLimited: number;
  /** Total matters Clio reported for the listing, when it reports one. */
  expectedRecords: number | null;
  nextUrl: string | null;
}

/** Input and result of one page of reconciliation, which reads matter ids only. */
export interface ReconcilePageResult {
  fetched: number;
  restored: number;
  requests: number;
  rateLimited: number;
  nextUrl: string | null;
}

async function readContacts(api: ClioApi, matters: ClioMatter[]): Promise<Map<number, ClioContact>> {
  const ids = contactIdsOf(matters);
  const contacts = ids.length > 0 ? await api.getContacts(ids) : [];
  return new Map(contacts.map((contact) => [contact.id, contact]));
}

/** Adds a failed attempt's requests and 429s to the run, so its counts show what Clio saw. */
async function recordFailedAttempt(syncRunId: string, api: ClioApi | null): Promise<void> {
  if (api && api.stats.requests > 0) {
    await SyncRun.updateOne({ _id: syncRunId }, { $inc: { requests: api.stats.requests, rateLimited: api.stats.rateLimited } });
  }
}

/** Builds the activities that read matters from Clio and write projects. */
export function createSyncMatterActivities(deps: ActivityDependencies) {
  return {
    /**
     * Fetches one page of matters and their clients' contacts from Clio and upserts their projects
     * in the same call, so data pages never pass through workflow history. New projects and
     * phase changes are recorded as client updates. Returns counts and the cursor of the next page.
     */
    async syncMatterPage(input: MatterPageInput): Promise<MatterPageResult> {
      return whileHeartbeating(async () => {
        let api: ClioApi | null = null;
        try {
          api = await clioApiFor(deps, input.firmId);
          const page = input.nextUrl
            ? await api.nextPage<ClioMatter>(input.nextUrl)
            : await api.listMatters({ updatedSince: input.updatedSince ?? undefined });
          const contacts = await readContacts(api, page.data);
          const { changes: _changes, owingMatterIds, ...counts } = await upsertProjects({ firmId: input.firmId, syncRunId: input.syncRunId, matters: page.data, contacts, logger: deps.logger, importing: input.importing ?? false });
          if (owingMatterIds.length > 0) {
            await recordOwedChanges(deps, input.firmId, owingMatterIds);
          }
          const result: MatterPageResult = { fetched: page.data.length, ...counts, ...api.stats, expectedRecords: page.records, nextUrl: page.nextUrl };
          await SyncRun.updateOne(
            { _id: input.syncRunId },
            {
              $inc: {
                pages: 1, requests: result.requests, rateLimited: result.rateLimited, 'counts.fetched': result.fetched, 'counts.created': counts.created,
                'counts.updated': counts.updated, 'counts.unchanged': counts.unchanged, 'counts.failed': counts.failed, 'counts.skipped': counts.skipped,
              },
              ...(page.records !== null && !input.nextUrl ? { $set: { expectedRecords: page.records } } : {}),
            },
          );
          return result;
        } catch (error) {
          await recordFailedAttempt(input.syncRunId, api);
          throw toActivityFailure(error, `Syncing matters of firm ${input.firmId}`);
        }
      });
    },

    /**
     * Fetches one matter and its clients' contacts, and upserts its project. A new project or a
     * phase change is recorded as a client update, as in any other sync, except a project created
     * before the firm's first import, which is an existing case like the ones the import brings.
     */
    async syncProject(input: { firmId: string; syncRunId: string; matterId: number; importing?: boolean }): Promise<MatterPageResult> {
      return whileHeartbeating(async () => {
        let api: ClioApi | null = null;
        try {
          api = await clioApiFor(deps, input.firmId);
          const matter = await api.getMatter(input.matterId);
          const contacts = await readContacts(api, [matter]);
          const { changes: _changes, owingMatterIds, ...counts } = await upsertProjects({ firmId: input.firmId, syncRunId: input.syncRunId, matters: [matter], contacts, logger: deps.logger, importing: input.importing ?? false });
          if (owingMatterIds.length > 0) {
            await recordOwedChanges(deps, input.firmId, owingMatterIds);
          }
          const result: MatterPageResult = { fetched: 1, ...counts, ...api.stats, expectedRecords: 1, nextUrl: null };
          await SyncRun.updateOne(
            { _id: input.syncRunId },
            { $set: { pages: 1, requests: result.requests, rateLimited: result.rateLimited, expectedRecords: 1, counts: { fetched: 1, ...counts, archived: 0, restored: 0 } } },
          );
          return result;
        } catch (error) {
          await recordFailedAttempt(input.syncRunId, api);
          throw toActivityFailure(error, `Syncing Clio matter ${input.matterId} of firm ${input.firmId}`);
        }
      });
    },

    /**
     * Reads one page of matter ids of every status, marks their projects as seen by this run and
     * restores any that reconciliation had archived. Matter data is not read or written.
     */
    async reconcileMatterPage(input: { firmId: string; syncRunId: string; nextUrl: string | null }): Promise<ReconcilePageResult> {
      return whileHeartbeating(async () => {
        let api: ClioApi | null = null;
        try {
          api = await clioApiFor(deps, input.firmId);
          const page = input.nextUrl ? await api.nextPage<{ id: number }>(input.nextUrl) : await api.listMatterIds();
          const ids = page.data.map((matter) => matter.id);
          const key = { firmId: input.firmId, provider: 'clio', clioMatterId: { $in: ids } };
          const archived = await Project.find({ ...key, status: 'archived' }, { clioMatterId: 1, raw: 1, type: 1, phase: 1 }).lean();
          const mapping = archived.length > 0 ? await findFirmMapping(input.firmId) : null;
          for (const project of archived) {
            const status = applyMapping(project.raw as ClioMatter, mapping, project).status ?? 'not_started';
            await Project.updateOne({ _id: project._id }, { $set: { status, archivedAt: null } });
          }
          await Project.updateMany(key, { $set: { lastSeenRunId: input.syncRunId } });
          await SyncRun.updateOne(
            { _id: input.syncRunId },
            { $inc: { pages: 1, requests: api.stats.requests, rateLimited: api.stats.rateLimited, 'counts.fetched': ids.length, 'counts.restored': archived.length } },
          );
          return { fetched: ids.length, restored: archived.length, ...api.stats, nextUrl: page.nextUrl };
        } catch (error) {
          await recordFailedAttempt(input.syncRunId, api);
          throw toActivityFailure(error, `Reconciling matters of firm ${input.firmId}`);
        }
      });
    },

    /**
     * Archives the firm's projects whose matter the run did not see in Clio: Clio leaves no
     * tombstone for a deleted matter, so comparing ids is the only way to notice it.
     */
    async archiveUnseenProjects(input: { firmId: string; syncRunId: string }): Promise<number> {
      const archivedAt = (deps.now ?? (() => new Date()))();
      const result = await Project.updateMany(
        { firmId: input.firmId, provider: 'clio', status: { $ne: 'archived' }, lastSeenRunId: { $ne: input.syncRunId } },
        { $set: { status: 'archived', archivedAt } },
      );
      await SyncRun.updateOne({ _id: input.syncRunId }, { $set: { 'counts.archived': result.modifiedCount } });
      if (result.modifiedCount > 0) {
        deps.logger.info({ firmId: input.firmId, syncRunId: input.syncRunId, archived: result.modifiedCount }, 'archived projects whose matters are gone from Clio');
      }
      return result.modifiedCount;
    },
  };
}
