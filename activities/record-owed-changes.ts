import { Integration, Project } from '../lib/models';
import { DEFAULT_BUSINESS_HOUR, RECORDED_PROJECT_FIELDS, recordProjectChanges, type ProjectChange, type RecordChangesResult } from '../lib/notifications';
import { activityTime } from './activity-time';
import type { ActivityDependencies } from './dependencies';

/**
 * Records in the notifications outbox the changes that the projects of these matters owe their
 * clients, then clears them from the projects. The upsert stores each change on its project in
 * the same write as the change, so a change whose recording a stopped worker interrupted is
 * still pending when the retried page reads it here. The outcome follows the integration's
 * status in the read model at this time: queued while Active, a preview while Connected,
 * Inactive, suppressed otherwise. Returns null when no project owes anything.
 */
export async function recordOwedChanges(deps: ActivityDependencies, firmId: string, clioMatterIds: number[]): Promise<RecordChangesResult | null> {
  // The filter is exactly the unique key, which mongo-java-server needs to use the index.
  // The projects are read with every field recording needs, so it need not read them again.
  const projects = await Project.find({ firmId, provider: 'clio', clioMatterId: { $in: clioMatterIds } }, RECORDED_PROJECT_FIELDS).lean();
  const owingProjects = projects.filter((project) => project.pendingChange);
  const owing = owingProjects.map(({ _id, clioMatterId, pendingChange }) => ({ _id, clioMatterId, pending: pendingChange! }));
  if (owing.length === 0) {
    return null;
  }

  const integration = await Integration.findOne({ firmId, provider: 'clio' }, { status: 1 }).lean();
  const integrationStatus = integration?.status ?? 'not_connected';
  const changes: ProjectChange[] = owing.map(({ clioMatterId, pending }) => ({
    clioMatterId,
    kind: pending.kind as ProjectChange['kind'],
    phase: pending.phase ?? null,
    previousPhase: pending.previousPhase ?? null,
    changeId: pending.changeId,
    changedAt: pending.changedAt?.toISOString(),
  }));
  const result = await recordProjectChanges(
    { firmId, integrationStatus, changes },
    {
      now: activityTime(deps.now),
      businessHour: deps.notifications?.businessHour ?? DEFAULT_BUSINESS_HOUR,
      smsEnabled: Boolean(deps.notifications?.transports.sms),
      logger: deps.logger,
      projects: owingProjects,
    },
  );

  // NOTE: the clear is keyed by _id alone, because mongo-java-server scans the whole collection
  // for a filter with more fields. A different change that an overlapping writer stores between
  // the read above and this clear is lost. The workflow runs one sync of a firm at a time, so
  // only an attempt that Temporal had already timed out could be that writer.
  await Project.updateMany({ _id: { $in: owing.map(({ _id }) => _id) } }, { $set: { pendingChange: null } });
  deps.logger.info({ firmId, integrationStatus, ...result }, 'recorded client updates for project changes');
  return result;
}
