/**
 * Types of the per-firm field mapping and of the Clio options it refers to. Pure data, so the
 * workflow sandbox may import them as types.
 */

/** Source of a project's phase: the matter's stage, or a matter custom field of type picklist. */
export type PhaseSource = { kind: 'matter_stage' } | { kind: 'custom_field'; customFieldId: number };

/**
 * Role of a phase within its project type. A `not_started` phase is phase 0 and must come first;
 * a `final` phase completes the project and must come last.
 */
export type PhaseKind = 'not_started' | 'in_progress' | 'final';

/** One phase of a project type and the Clio values (stage ids or picklist option ids) that put a project into it. */
export interface PhaseMapping {
  name: string;
  kind: PhaseKind;
  clioValues: number[];
}

/** A project type, driven by one Clio practice area, with its phases in order. */
export interface ProjectTypeMapping {
  name: string;
  practiceAreaId: number;
  phases: PhaseMapping[];
}

/** Rules for the project's team: the matter people in it and its primary contact. */
export interface TeamMapping {
  /** @default 'responsible_attorney' */
  primaryContact: 'responsible_attorney' | 'responsible_staff';
  /** @default true */
  includeResponsibleStaff: boolean;
}

/** The rules a firm admin edits. */
export interface MappingRules {
  phaseSource: PhaseSource;
  /** A matter checkbox custom field; when set, only matters with it ticked get a project. */
  syncFlagFieldId: number | null;
  team: TeamMapping;
  projectTypes: ProjectTypeMapping[];
}

/** A firm's stored mapping; `version` grows with every save. */
export interface FirmMapping extends MappingRules {
  version: number;
}

/** The team rules of the default mapping, used before a firm saves one. */
export const DEFAULT_TEAM: TeamMapping = { primaryContact: 'responsible_attorney', includeResponsibleStaff: true };

/** A Clio matter stage as the mapping options list it. */
export interface ClioStageOption {
  id: number;
  name: string;
  order: number | null;
}

/** A Clio practice area with its matter stages. */
export interface ClioPracticeAreaOption {
  id: number;
  name: string;
  stages: ClioStageOption[];
}

/** A matter custom field; `picklistOptions` is empty unless the field is a picklist. */
export interface ClioCustomFieldOption {
  id: number;
  name: string;
  fieldType: string;
  picklistOptions: { id: number; name: string; deleted: boolean }[];
}

/** The firm's live Clio values that a mapping may refer to. */
export interface ClioOptions {
  practiceAreas: ClioPracticeAreaOption[];
  matterCustomFields: ClioCustomFieldOption[];
}

/** One reason a mapping cannot be saved; `path` names the item in the request body. */
export interface MappingProblem {
  path: string;
  message: string;
}

/** A person on a project: a client who receives updates, or a member of the firm's team. */
export interface ProjectPerson {
  clioId: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  emails: string[];
  phones: { number: string; name: string | null }[];
  role: string;
  /** Set on team members only: true for the team's primary contact. */
  primary?: boolean;
}

/** The Clio value that decided a project's phase, kept when it maps to no phase. */
export interface UnmappedPhaseValue {
  /** Stage id or picklist option id; null when the matter has no stage or no value. */
  id: number | null;
  name: string | null;
}

/**
 * Project fields the mapping derives from a matter. A field is present only when the matter
 * carried what it is derived from, so a partial read never overwrites a stored value.
 */
export type DerivedProject = Partial<{
  type: string | null;
  phase: string | null;
  status: 'not_started' | 'in_progress' | 'complete';
  team: ProjectPerson[];
  /** True when the matter's practice area drives no project type of the mapping. */
  typeUnmapped: boolean;
  /** True when the matter's stage or picklist value maps to no phase; the project keeps its last mapped phase. */
  phaseUnmapped: boolean;
  unmappedPhaseValue: UnmappedPhaseValue | null;
  /** Version of the mapping the fields come from; 0 for the default mapping. */
  mappingVersion: number;
}>;

/** Fields of a stored project that applyMapping reads to keep its last mapped phase. */
export interface StoredProjectFields {
  type?: string | null;
  phase?: string | null;
}
