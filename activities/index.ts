import type { ActivityDependencies } from './dependencies';
import { createIntegrationStateActivities } from './integration-state';
import { createMappingActivities } from './mapping';
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
  };
}

/** The activity interface workflows proxy with `import type`. */
export type Activities = ReturnType<typeof createActivities>;
