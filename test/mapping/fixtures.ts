import type { ClioMatter } from '../../lib/clio/types';
import type { ClioOptions, FirmMapping } from '../../lib/mapping';

/** Clio ids the unit tests share: practice area 10 (Family) with stages 101–104, 20 (Immigration) with 201–202. */
export const FAMILY = 10;
export const IMMIGRATION = 20;
/** A matter picklist field and its options, and a checkbox field. */
export const CASE_PHASE_FIELD = 900;
export const SYNC_FLAG_FIELD = 901;

/** The Clio options of the test firm. */
export const OPTIONS: ClioOptions = {
  practiceAreas: [
    { id: FAMILY, name: 'Family', stages: [{ id: 101, name: 'Intake', order: 1 }, { id: 102, name: 'Disclosure', order: 2 }, { id: 103, name: 'Negotiation', order: 3 }, { id: 104, name: 'Final Order', order: 4 }] },
    { id: IMMIGRATION, name: 'Immigration', stages: [{ id: 201, name: 'Consultation', order: 1 }, { id: 202, name: 'Decision', order: 2 }] },
  ],
  matterCustomFields: [
    { id: CASE_PHASE_FIELD, name: 'Case phase', fieldType: 'picklist', picklistOptions: [{ id: 9001, name: 'Open file', deleted: false }, { id: 9002, name: 'Working', deleted: false }, { id: 9003, name: 'On hold', deleted: true }] },
    { id: SYNC_FLAG_FIELD, name: 'Sync to client app', fieldType: 'checkbox', picklistOptions: [] },
    { id: 902, name: 'Court file number', fieldType: 'text_line', picklistOptions: [] },
  ],
};

/** Builds a stage mapping for Family: phase 0 Getting started (101), Working on it (102, 103), Done (104, final). */
export function stageMapping(overrides: Partial<FirmMapping> = {}): FirmMapping {
  return {
    version: 3,
    phaseSource: { kind: 'matter_stage' },
    syncFlagFieldId: null,
    team: { primaryContact: 'responsible_attorney', includeResponsibleStaff: true },
    projectTypes: [{
      name: 'Family law',
      practiceAreaId: FAMILY,
      phases: [
        { name: 'Getting started', kind: 'not_started', clioValues: [101] },
        { name: 'Working on it', kind: 'in_progress', clioValues: [102, 103] },
        { name: 'Done', kind: 'final', clioValues: [104] },
      ],
    }],
    ...overrides,
  };
}

/** Builds an open Family matter at stage 102 with an attorney and a staff member; `overrides` replaces fields. */
export function matter(overrides: Partial<ClioMatter> = {}): ClioMatter {
  return {
    id: 5001,
    etag: '"e1"',
    status: 'Open',
    practice_area: { id: FAMILY, name: 'Family' },
    matter_stage: { id: 102, name: 'Disclosure', order: 2 },
    responsible_attorney: { id: 71, name: 'Avery Lawson', email: 'avery@firm.example' },
    responsible_staff: { id: 72, name: 'Sam Clerk', email: 'sam@firm.example' },
    custom_field_values: [],
    ...overrides,
  };
}

/** Builds a picklist value of the Case phase field, as Clio returns it on a matter. */
export function casePhaseValue(optionId: number, label: string) {
  return { id: `picklist-${optionId}`, value: String(optionId), field_name: 'Case phase', field_type: 'picklist', custom_field: { id: CASE_PHASE_FIELD }, picklist_option: { id: optionId, option: label } };
}

/** Builds a value of the sync flag checkbox; Clio's schema types it as the string "true" or "false". */
export function syncFlagValue(ticked: boolean | string) {
  return { id: 'checkbox-1', value: ticked, field_name: 'Sync to client app', field_type: 'checkbox', custom_field: { id: SYNC_FLAG_FIELD } };
}
