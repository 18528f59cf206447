import type { AnyBulkWriteOperation } from 'mongoose';
import { Project } from '../lib/models';
import type { ClioMatter } from '../lib/clio/types';
import { mapMatterToProject } from './project-mapping';

/** What one batch of matters did to the projects collection. */
export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** MongoDB's duplicate-key error code, raised when two writers insert the same key at once. */
const DUPLICATE_KEY = 11000;

/**
 * Writes one project per matter keyed by (firm, provider, Clio id), so a retried or overlapping
 * sync never duplicates a project. A matter whose etag matches the stored one is left as it is.
 */
export async function upsertProjects(firmId: string, matters: ClioMatter[], syncRunId: string): Promise<UpsertCounts> {
  try {
    return await writeBatch(firmId, matters, syncRunId);
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) {
      throw error;
    }
    // A concurrent writer inserted one of these projects between our read and our write;
    // on the second pass the row exists, so every operation becomes an update.
    return writeBatch(firmId, matters, syncRunId);
  }
}

async function writeBatch(firmId: string, matters: ClioMatter[], syncRunId: string): Promise<UpsertCounts> {
  const ids = matters.map((matter) => matter.id);
  const existing = await Project.find({ firmId, provider: 'clio', clioMatterId: { $in: ids } }, { clioMatterId: 1, clioEtag: 1 }).lean();
  const etags = new Map(existing.map((project) => [project.clioMatterId, project.clioEtag]));
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
  const operations: AnyBulkWriteOperation[] = [];
  for (const matter of matters) {
    const known = etags.has(matter.id);
    if (known && etags.get(matter.id) === matter.etag) {
      counts.unchanged += 1;
      continue;
    }
    counts[known ? 'updated' : 'created'] += 1;
    operations.push({
      updateOne: {
        filter: { firmId, provider: 'clio', clioMatterId: matter.id },
        update: { $set: { ...mapMatterToProject(matter), lastSyncRunId: syncRunId } },
        upsert: true,
      },
    });
  }
  if (operations.length > 0) {
    await Project.bulkWrite(operations, { ordered: false });
  }
  return counts;
}
