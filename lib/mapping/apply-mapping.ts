import type { ClioMatter } from '../clio/types';
import { teamOf } from './team';
import { DEFAULT_TEAM, type DerivedProject, type FirmMapping, type PhaseKind, type PhaseSource, type ProjectTypeMapping, type StoredProjectFields, type UnmappedPhaseValue } from './types';

/** The phase a matter resolves to, with `unmapped` set when its Clio value maps to no phase. */
interface ResolvedPhase {
  name: string | null;
  kind: PhaseKind | null;
  unmapped: boolean;
}

const NO_PHASE: ResolvedPhase = { name: null, kind: null, unmapped: false };

function carries(matter: ClioMatter, field: keyof ClioMatter): boolean {
  return field in matter;
}

function toId(value: unknown): number | null {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * Reads the Clio value that decides the phase: the stage, or the picklist option of the mapped
 * custom field. Returns undefined when the matter was read without that field.
 */
export function readPhaseValue(matter: ClioMatter, source: PhaseSource): UnmappedPhaseValue | undefined {
  if (source.kind === 'matter_stage') {
    if (!carries(matter, 'matter_stage')) return undefined;
    return { id: matter.matter_stage?.id ?? null, name: matter.matter_stage?.name ?? null };
  }
  if (!carries(matter, 'custom_field_values')) return undefined;
  const entry = (matter.custom_field_values ?? []).find((value) => value.custom_field?.id === source.customFieldId);
  // Clio types a picklist value as the option id in a string; some clients send it as a number.
  const id = entry?.picklist_option?.id ?? toId(entry?.value);
  return { id: id ?? null, name: entry?.picklist_option?.option ?? null };
}

/**
 * Finds the phase a Clio value puts a project into. A value that maps to no phase, including a
 * stage or picklist value that was removed, keeps the project's last mapped phase of the same
 * type and flags it. A matter without a value is in phase 0 when the type has one, unless it
 * already reached a later phase.
 */
function resolvePhase(projectType: ProjectTypeMapping, value: UnmappedPhaseValue, stored: StoredProjectFields | undefined): ResolvedPhase {
  const mapped = value.id === null ? undefined : projectType.phases.find((phase) => phase.clioValues.includes(value.id as number));
  if (mapped) {
    return { name: mapped.name, kind: mapped.kind, unmapped: false };
  }

  const phaseZero = projectType.phases.find((phase) => phase.kind === 'not_started');
  const storedPhase = stored?.type === projectType.name ? projectType.phases.find((phase) => phase.name === stored.phase) : undefined;
  if (value.id === null && (!storedPhase || storedPhase === phaseZero)) {
    return phaseZero ? { name: phaseZero.name, kind: phaseZero.kind, unmapped: false } : NO_PHASE;
  }
  if (storedPhase) {
    return { name: storedPhase.name, kind: storedPhase.kind, unmapped: true };
  }
  return { ...NO_PHASE, unmapped: true };
}

/** Derives the status: a closed matter or a final phase is complete, and phase 0 or no phase has not started. */
function statusOf(matter: ClioMatter, kind: PhaseKind | null): 'not_started' | 'in_progress' | 'complete' {
  if (matter.status === 'Closed' || kind === 'final') return 'complete';
  return kind === null || kind === 'not_started' ? 'not_started' : 'in_progress';
}

/**
 * Derives a project from a matter with the default mapping, used before a firm saves one. The
 * practice area names the type and the stage names the phase. A closed matter is complete, and a
 * matter without a stage has not started.
 */
function applyDefaultMapping(matter: ClioMatter): DerivedProject {
  const derived: DerivedProject = { mappingVersion: 0 };
  if (carries(matter, 'responsible_attorney') || carries(matter, 'responsible_staff')) derived.team = teamOf(matter, DEFAULT_TEAM);
  if (carries(matter, 'practice_area')) {
    derived.type = matter.practice_area?.name ?? null;
    derived.typeUnmapped = false;
  }
  if (carries(matter, 'matter_stage')) {
    derived.phase = matter.matter_stage?.name ?? null;
    derived.phaseUnmapped = false;
    derived.unmappedPhaseValue = null;
  }
  if (carries(matter, 'status') && carries(matter, 'matter_stage')) {
    derived.status = statusOf(matter, matter.matter_stage ? 'in_progress' : null);
  }
  return derived;
}

/**
 * Derives a project's type, phase, status and team from a Clio matter with the firm's mapping,
 * or with the default mapping when `mapping` is null. `stored` is the project as last saved, so a
 * matter whose stage maps to no phase keeps its last mapped phase. A field is left out when the
 * matter was read without what it depends on, so it never overwrites a stored value.
 */
export function applyMapping(matter: ClioMatter, mapping: FirmMapping | null, stored?: StoredProjectFields): DerivedProject {
  if (!mapping) {
    return applyDefaultMapping(matter);
  }

  const derived: DerivedProject = { mappingVersion: mapping.version };
  if (carries(matter, 'responsible_attorney') || carries(matter, 'responsible_staff')) derived.team = teamOf(matter, mapping.team);
  if (!carries(matter, 'practice_area')) {
    return derived;
  }
  const practiceAreaId = matter.practice_area?.id;
  const projectType = mapping.projectTypes.find((candidate) => candidate.practiceAreaId === practiceAreaId) ?? null;
  derived.type = projectType?.name ?? null;
  derived.typeUnmapped = projectType === null;

  const value = readPhaseValue(matter, mapping.phaseSource);
  if (value === undefined || !carries(matter, 'status')) {
    return derived;
  }
  const phase = projectType ? resolvePhase(projectType, value, stored) : NO_PHASE;
  derived.phase = phase.name;
  derived.phaseUnmapped = phase.unmapped;
  derived.unmappedPhaseValue = phase.unmapped ? value : null;
  derived.status = statusOf(matter, phase.kind);
  return derived;
}
