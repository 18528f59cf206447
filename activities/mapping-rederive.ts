import { activityInfo, heartbeat } from '@temporalio/activity';
import type { AnyBulkWriteOperation } from 'mongoose';
import type { ClioMatter } from '../lib/clio/types';
import { applyMapping, type DerivedProject } from '../lib/mapping';
import { Project, SyncRun } from '../lib/models';
import { findFirmMapping } from '../lib/models/mapping';
import type { ActivityDependencies } from './dependencies';

/** Projects read and written per bulk write; the database takes batches of a few hundred operations. */
const REDERIVE_BATCH_SIZE = 250;

/** How far a re-derive got; sent with each heartbeat so a retried attempt resumes after the last batch. */
export interface RederiveProgress {
  /** Clio matter id of the last project done; projects are read in ascending id order. */
  afterClioMatterId: number;
  pages: number;
  fetched: number;
  updated: number;
  unchanged: number;
}

const DERIVED_FIELDS = ['type', 'phase', 'status', 'team', 'typeUnmapped', 'phaseUnmapped', 'unmappedPhaseValue', 'mappingVersion'] as const;

/** Serializes with sorted object keys, so stored and derived values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner).filter(([, field]) => field !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return inner;
  });
}

/** Returns the derived fields that differ from the stored project; an archived project keeps its status. */
function changedFields(stored: Record<string, unknown>, derived: DerivedProject): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of DERIVED_FIELDS) {
    if (field in derived && canonical(derived[field]) !== canonical(stored[field])) {
      changes[field] = derived[field];
    }
  }
  if (stored.status === 'archived') {
    delete changes.status;
  }
  return changes;
}

/** Builds the activity that re-derives a firm's projects after its mapping changed. */
export function createRederiveActivities(deps: ActivityDependencies) {
  return {
    /**
     * Re-derives type, phase, status and team of every project of the firm from the stored raw
     * Clio snapshots with the firm's current mapping, in batches with one bulk write each. It
     * sends no request to Clio. A retried attempt resumes after the last batch it reported.
     */
    async rederiveProjects(firmId: string, syncRunId: string): Promise<RederiveProgress> {
      const mapping = await findFirmMapping(firmId);
      const resumed = activityInfo().heartbeatDetails as RederiveProgress | undefined;
      const progress: RederiveProgress = resumed ?? { afterClioMatterId: 0, pages: 0, fetched: 0, updated: 0, unchanged: 0 };

      for (;;) {
        const projects = await Project.find({ firmId, provider: 'clio', clioMatterId: { $gt: progress.afterClioMatterId } }, { clioMatterId: 1, raw: 1, ...Object.fromEntries(DERIVED_FIELDS.map((field) => [field, 1])) })
          .sort({ clioMatterId: 1 })
          .limit(REDERIVE_BATCH_SIZE)
          .lean();
        if (projects.length === 0) {
          break;
        }

        const operations: AnyBulkWriteOperation[] = [];
        for (const project of projects) {
          const stored = project as unknown as Record<string, unknown>;
          const changes = changedFields(stored, applyMapping(project.raw as ClioMatter, mapping, { type: project.type, phase: project.phase }));
          if (Object.keys(changes).length > 0) {
            operations.push({ updateOne: { filter: { _id: project._id }, update: { $set: changes } } });
          }
          // A project whose only change is the mapping version shows nothing new, so it counts as unchanged.
          const visible = Object.keys(changes).filter((field) => field !== 'mappingVersion');
          progress[visible.length > 0 ? 'updated' : 'unchanged'] += 1;
        }
        if (operations.length > 0) {
          await Project.bulkWrite(operations, { ordered: false });
        }

        progress.afterClioMatterId = projects[projects.length - 1].clioMatterId;
        progress.pages += 1;
        progress.fetched += projects.length;
        await SyncRun.updateOne(
          { _id: syncRunId },
          { $set: { pages: progress.pages, 'counts.fetched': progress.fetched, 'counts.updated': progress.updated, 'counts.unchanged': progress.unchanged } },
        );
        heartbeat(progress);
      }

      deps.logger.info({ firmId, syncRunId, mappingVersion: mapping?.version ?? 0, ...progress }, 're-derived projects from stored Clio snapshots');
      return progress;
    },
  };
}
