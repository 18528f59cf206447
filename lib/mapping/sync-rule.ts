import type { ClioMatter } from '../clio/types';
import type { FirmMapping } from './types';

/** True for a checkbox value that is ticked: Clio's schema sends "true", some clients send true. */
function isTicked(value: unknown): boolean {
  return value === true || value === 'true';
}

/**
 * Decides whether a matter without a project gets one. Before a firm saves a mapping every matter
 * does. After, only an open or pending matter does, and only with the sync-flag checkbox ticked
 * when the mapping names one. A matter read without its status (or without its custom field
 * values while a flag is set) does not pass, so an incomplete read never creates a project.
 * The rule is not applied to matters that already have a project: those keep it.
 */
export function passesSyncRule(matter: ClioMatter, mapping: FirmMapping | null): boolean {
  if (!mapping) {
    return true;
  }
  if (matter.status !== 'Open' && matter.status !== 'Pending') {
    return false;
  }
  if (mapping.syncFlagFieldId === null) {
    return true;
  }
  const flag = (matter.custom_field_values ?? []).find((value) => value.custom_field?.id === mapping.syncFlagFieldId);
  return isTicked(flag?.value);
}
