import type { ActivityDependencies } from './dependencies';
import { createMappingOptionsActivities } from './mapping-options';
import { createRederiveActivities } from './mapping-rederive';

/** Builds the activities of the field mapping: reading the firm's Clio options and re-deriving its projects. */
export function createMappingActivities(deps: ActivityDependencies) {
  return {
    ...createMappingOptionsActivities(deps),
    ...createRederiveActivities(deps),
  };
}
