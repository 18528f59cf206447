import type { ActivityDependencies } from './dependencies';
import { createIntegrationStateActivities } from './integration-state';
import { createMappingActivities } from './mapping';
import { createNotificationActivities } from './notifications';
import { createSyncMatterActivities } from './sync-matters';
import { createSyncRunActivities } from './sync-runs';

export type { ActivityDependencies } from './dependencies';
export { FAILURE_TYPES } from '../lib/failure-types';

/** Builds every activity the integrations task queue serves. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createIntegrationStateActivities(deps),
    ...createSyncRunActivities(deps),
    ...createSyncMatterActivities(deps),
    ...createMappingActivities(deps),
    // Without notification settings, as in tests that send nothing, no transport can send and
    // alerts link to the default PUBLIC_URL.
    ...createNotificationActivities({
      transports: deps.notifications?.transports ?? {},
      logger: deps.logger,
      publicUrl: deps.notifications?.publicUrl ?? 'http://127.0.0.1:3000',
      businessHour: deps.notifications?.businessHour,
      now: deps.now,
    }),
  };
}

/** The activity interface workflows proxy with `import type`. */
export type Activities = ReturnType<typeof createActivities>;
