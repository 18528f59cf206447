import type { AnyBulkWriteOperation, Types } from 'mongoose';
import { Project } from '../lib/models';
import { findFirmMapping } from '../lib/models/mapping';
import type { ClioContact, ClioMatter } from '../lib/clio/types';
import type { Logger } from '../lib/logger';
import { applyMapping, passesSyncRule, type FirmMapping, type StoredProjectFields } from '../lib/mapping';
import type { ProjectChange } from '../lib/notifications';
import { mapMatterToProject, type MappedProject } from './project-mapping';

/** What one batch of matters did to the projects collection. */
export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** The counts of one batch plus the matters it left out and the changes clients hear of. */
export interface UpsertOutcome extends UpsertCounts {
  /** Matters without a project that the firm's sync rule excludes, so no project was created. */
  skipped: number;
  /**
   * Projects this batch created or moved to another phase. Each is also stored on its project
   * as `pendingChange` in the same write, until recordOwedChanges records it in the outbox.
   */
  changes: ProjectChange[];
  /**
   * Matters whose project owes a client update after this write: the changes above, and any
   * change an earlier attempt stored but did not record. Empty when the batch owes nothing, so
   * the caller can skip reading the projects again.
   */
  owingMatterIds: number[];
}

/** MongoDB's duplicate-key error code, raised when two writers insert the same key at once. */
const DUPLICATE_KEY = 11000;

/** Input of one batch: the matters of a page and the contacts their clients refer to. */
export interface UpsertBatch {
  firmId: string;
  syncRunId: string;
  matters: ClioMatter[];
  contacts?: Map<number, ClioContact>;
  logger?: Logger;
  /**
   * The firm's first sync over all its matters, which imports cases its clients already know
   * of: the projects it creates are not reported as new, so they owe no client update.
   */
  importing?: boolean;
}

/**
 * Writes one project per matter keyed by (firm, provider, Clio id), so a retried or overlapping
 * sync never duplicates a project. The firm's mapping is read once per batch. A matter without a
 * project is skipped when the mapping's sync rule excludes it, while a matter that has one keeps
 * it (a closed matter's project follows it to Complete). A matter whose etag and mapping version
 * match the stored ones is only marked as seen by this run. A new project, or a phase that moved
 * because the matter changed in Clio, is reported as a change, except a project the firm's
 * first import creates.
 */
export async function upsertProjects(batch: UpsertBatch): Promise<UpsertOutcome> {
  try {
    return await writeBatch(batch);
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) {
      throw error;
    }
    // A concurrent writer inserted one of these projects between our read and our write.
    // On the second pass the row exists, so every operation becomes an update.
    return writeBatch(batch);
  }
}

/** A stored project as the batch reads it. */
type StoredProject = StoredProjectFields & { _id: Types.ObjectId; clioMatterId: number; clioEtag?: string | null; status?: string | null; mappingVersion?: number | null; pendingChange?: unknown };

/**
 * Returns the change a client hears of, or null: a new project, or a phase that differs from
 * `previousPhase`. That is the stored phase, or after a mapping change the phase the stored Clio
 * snapshot has under the new mapping, so a phase moved by the mapping alone is no change.
 */
function changeOf(matter: ClioMatter, mapped: MappedProject, stored: StoredProject | undefined, previousPhase: string | null, importing: boolean): ProjectChange | null {
  const changeId = matter.etag ?? matter.updated_at ?? 'unversioned';
  const changedAt = matter.updated_at ?? undefined;
  if (!stored) {
    return importing ? null : { clioMatterId: matter.id, kind: 'new_project', phase: mapped.phase ?? null, previousPhase: null, changeId, changedAt };
  }
  if (mapped.phase === undefined || mapped.phase === previousPhase) {
    return null;
  }
  return { clioMatterId: matter.id, kind: 'phase_change', phase: mapped.phase, previousPhase, changeId, changedAt };
}

function toOperation(batch: UpsertBatch, matter: ClioMatter, mapped: MappedProject, change: ProjectChange | null): AnyBulkWriteOperation {
  const { raw, ...fields } = mapped;
  // Each raw field is set on its own, so a read that asked for fewer fields keeps the others.
  const rawFields = Object.fromEntries(Object.entries(raw).map(([key, value]) => [`raw.${key}`, value]));
  const set: Record<string, unknown> = { ...fields, ...rawFields, lastSyncRunId: batch.syncRunId, lastSeenRunId: batch.syncRunId, archivedAt: null };
  if (change) {
    set.pendingChange = { kind: change.kind, phase: change.phase, previousPhase: change.previousPhase, changeId: change.changeId, changedAt: change.changedAt ? new Date(change.changedAt) : null };
  }
  const setOnInsert: Record<string, unknown> = fields.status ? {} : { status: 'not_started' };
  return {
    updateOne: {
      filter: { firmId: batch.firmId, provider: 'clio', clioMatterId: matter.id },
      update: { $set: set, $setOnInsert: setOnInsert },
      upsert: true,
    },
  };
}

/**
 * Returns, per project written under another mapping version, the phase its stored Clio snapshot
 * has under `mapping`. Only those projects' snapshots are read, which is rare: after a mapping
 * save and before its re-derive.
 */
async function phasesUnderMapping(stored: StoredProject[], mapping: FirmMapping | null): Promise<Map<number, string | null>> {
  const version = mapping?.version ?? 0;
  const remapped = stored.filter((project) => (project.mappingVersion ?? 0) !== version);
  if (remapped.length === 0) {
    return new Map();
  }
  const snapshots = await Project.find({ _id: { $in: remapped.map((project) => project._id) } }, { clioMatterId: 1, raw: 1, type: 1, phase: 1 }).lean();
  return new Map(snapshots.map((project) => [
    project.clioMatterId,
    applyMapping(project.raw as ClioMatter, mapping, { type: project.type, phase: project.phase }).phase ?? project.phase ?? null,
  ]));
}

async function writeBatch(batch: UpsertBatch): Promise<UpsertOutcome> {
  const { firmId, syncRunId, matters } = batch;
  const mapping = await findFirmMapping(firmId);
  const mappingVersion = mapping?.version ?? 0;

  const ids = matters.map((matter) => matter.id);
  const existing: StoredProject[] = await Project.find(
    { firmId, provider: 'clio', clioMatterId: { $in: ids } },
    { clioMatterId: 1, clioEtag: 1, status: 1, type: 1, phase: 1, mappingVersion: 1, pendingChange: 1 },
  ).lean();
  const known = new Map(existing.map((project) => [project.clioMatterId, project]));
  const remappedPhases = await phasesUnderMapping(existing, mapping);

  const outcome: UpsertOutcome = { created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0, changes: [], owingMatterIds: [] };
  const operations: AnyBulkWriteOperation[] = [];
  const unchangedIds: number[] = [];
  for (const matter of matters) {
    const stored = known.get(matter.id);
    if (!stored && !passesSyncRule(matter, mapping)) {
      outcome.skipped += 1;
      continue;
    }
    if (stored && stored.clioEtag === matter.etag && stored.status !== 'archived' && (stored.mappingVersion ?? 0) === mappingVersion) {
      outcome.unchanged += 1;
      unchangedIds.push(matter.id);
      continue;
    }
    try {
      const mapped = mapMatterToProject(matter, batch.contacts, mapping, stored);
      const previousPhase = remappedPhases.has(matter.id) ? remappedPhases.get(matter.id) ?? null : stored?.phase ?? null;
      const change = changeOf(matter, mapped, stored, previousPhase, batch.importing ?? false);
      operations.push(toOperation(batch, matter, mapped, change));
      outcome[stored ? 'updated' : 'created'] += 1;
      if (change) {
        outcome.changes.push(change);
      }
    } catch (error) {
      outcome.failed += 1;
      batch.logger?.error({ firmId, syncRunId, clioMatterId: matter.id, err: (error as Error).message }, 'matter could not be mapped to a project');
    }
  }

  if (operations.length > 0) {
    await Project.bulkWrite(operations, { ordered: false });
  }
  if (unchangedIds.length > 0) {
    await Project.updateMany({ firmId, provider: 'clio', clioMatterId: { $in: unchangedIds } }, { $set: { lastSeenRunId: syncRunId } });
  }
  const owing = new Set([...outcome.changes.map((change) => change.clioMatterId), ...existing.filter((project) => project.pendingChange).map((project) => project.clioMatterId)]);
  outcome.owingMatterIds = [...owing];
  return outcome;
}
