import type { AnyBulkWriteOperation } from 'mongoose';
import { Project } from '../lib/models';
import { findFirmMapping } from '../lib/models/mapping';
import type { ClioContact, ClioMatter } from '../lib/clio/types';
import type { Logger } from '../lib/logger';
import { passesSyncRule, type FirmMapping, type StoredProjectFields } from '../lib/mapping';
import { mapMatterToProject } from './project-mapping';

/** What one batch of matters did to the projects collection. */
export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** The counts of one batch plus the matters it left out. */
export interface UpsertOutcome extends UpsertCounts {
  /** Matters without a project that the firm's sync rule excludes, so no project was created. */
  skipped: number;
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
}

/**
 * Writes one project per matter keyed by (firm, provider, Clio id), so a retried or overlapping
 * sync never duplicates a project. The firm's mapping is read once per batch. A matter without a
 * project is skipped when the mapping's sync rule excludes it, while a matter that has one keeps
 * it (a closed matter's project follows it to Complete). A matter whose etag and mapping version
 * match the stored ones is only marked as seen by this run.
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

function toOperation(batch: UpsertBatch, matter: ClioMatter, mapping: FirmMapping | null, stored: StoredProjectFields | undefined): AnyBulkWriteOperation {
  const { raw, ...mapped } = mapMatterToProject(matter, batch.contacts, mapping, stored);
  // Each raw field is set on its own, so a read that asked for fewer fields keeps the others.
  const rawFields = Object.fromEntries(Object.entries(raw).map(([key, value]) => [`raw.${key}`, value]));
  const set: Record<string, unknown> = { ...mapped, ...rawFields, lastSyncRunId: batch.syncRunId, lastSeenRunId: batch.syncRunId, archivedAt: null };
  const setOnInsert: Record<string, unknown> = mapped.status ? {} : { status: 'not_started' };
  return {
    updateOne: {
      filter: { firmId: batch.firmId, provider: 'clio', clioMatterId: matter.id },
      update: { $set: set, $setOnInsert: setOnInsert },
      upsert: true,
    },
  };
}

async function writeBatch(batch: UpsertBatch): Promise<UpsertOutcome> {
  const { firmId, syncRunId, matters } = batch;
  const mapping = await findFirmMapping(firmId);
  const mappingVersion = mapping?.version ?? 0;

  const ids = matters.map((matter) => matter.id);
  const existing = await Project.find(
    { firmId, provider: 'clio', clioMatterId: { $in: ids } },
    { clioMatterId: 1, clioEtag: 1, status: 1, type: 1, phase: 1, mappingVersion: 1 },
  ).lean();
  const known = new Map(existing.map((project) => [project.clioMatterId, project]));

  const counts: UpsertOutcome = { created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0 };
  const operations: AnyBulkWriteOperation[] = [];
  const unchangedIds: number[] = [];
  for (const matter of matters) {
    const stored = known.get(matter.id);
    if (!stored && !passesSyncRule(matter, mapping)) {
      counts.skipped += 1;
      continue;
    }
    if (stored && stored.clioEtag === matter.etag && stored.status !== 'archived' && (stored.mappingVersion ?? 0) === mappingVersion) {
      counts.unchanged += 1;
      unchangedIds.push(matter.id);
      continue;
    }
    try {
      operations.push(toOperation(batch, matter, mapping, stored));
      counts[stored ? 'updated' : 'created'] += 1;
    } catch (error) {
      counts.failed += 1;
      batch.logger?.error({ firmId, syncRunId, clioMatterId: matter.id, err: (error as Error).message }, 'matter could not be mapped to a project');
    }
  }

  if (operations.length > 0) {
    await Project.bulkWrite(operations, { ordered: false });
  }
  if (unchangedIds.length > 0) {
    await Project.updateMany({ firmId, provider: 'clio', clioMatterId: { $in: unchangedIds } }, { $set: { lastSeenRunId: syncRunId } });
  }
  return counts;
}
