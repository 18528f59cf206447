import type { ClioMatter } from '../../lib/clio/types';
import { applyMapping, type FirmMapping, type StoredProjectFields } from '../../lib/mapping';
import { CASE_PHASE_FIELD, FAMILY, IMMIGRATION, casePhaseValue, matter, stageMapping } from './fixtures';

const picklistMapping: FirmMapping = stageMapping({
  phaseSource: { kind: 'custom_field', customFieldId: CASE_PHASE_FIELD },
  projectTypes: [{ name: 'Family law', practiceAreaId: FAMILY, phases: [{ name: 'Opened', kind: 'not_started', clioValues: [9001] }, { name: 'In hand', kind: 'in_progress', clioValues: [9002] }] }],
});

function without(source: ClioMatter, ...fields: (keyof ClioMatter)[]): ClioMatter {
  const copy: Record<string, unknown> = { ...source };
  for (const field of fields) {
    delete copy[field];
  }
  return copy as unknown as ClioMatter;
}

describe('applyMapping with the default mapping', () => {
  test.each([
    ['open matter at a stage', matter(), { type: 'Family', phase: 'Disclosure', status: 'in_progress' }],
    ['closed matter', matter({ status: 'Closed' }), { type: 'Family', phase: 'Disclosure', status: 'complete' }],
    ['matter without a stage', matter({ matter_stage: null }), { type: 'Family', phase: null, status: 'not_started' }],
    ['matter without a practice area', matter({ practice_area: null }), { type: null, phase: 'Disclosure', status: 'in_progress' }],
  ])('%s', (_name, input, expected) => {
    const derived = applyMapping(input, null);

    expect(derived.type).toBe(expected.type);
    expect(derived.phase).toBe(expected.phase);
    expect(derived.status).toBe(expected.status);
    expect(derived.phaseUnmapped).toBe(false);
    expect(derived.mappingVersion).toBe(0);
  });

  test('read without stage leaves phase and status out', () => {
    const derived = applyMapping(without(matter(), 'matter_stage'), null);

    expect('phase' in derived).toBe(false);
    expect('status' in derived).toBe(false);
    expect(derived.type).toBe('Family');
  });
});

describe('applyMapping with a stage mapping', () => {
  const familyStored: StoredProjectFields = { type: 'Family law', phase: 'Working on it' };
  test.each<[string, ClioMatter, StoredProjectFields | undefined, { phase: string | null; status: string; unmapped: boolean; value: { id: number | null; name: string | null } | null }]>([
    ['stage of phase 0', matter({ matter_stage: { id: 101, name: 'Intake' } }), undefined, { phase: 'Getting started', status: 'not_started', unmapped: false, value: null }],
    ['stage of a middle phase', matter(), undefined, { phase: 'Working on it', status: 'in_progress', unmapped: false, value: null }],
    ['second stage of the same phase', matter({ matter_stage: { id: 103, name: 'Negotiation' } }), undefined, { phase: 'Working on it', status: 'in_progress', unmapped: false, value: null }],
    ['stage of the final phase', matter({ matter_stage: { id: 104, name: 'Final Order' } }), undefined, { phase: 'Done', status: 'complete', unmapped: false, value: null }],
    ['closed matter in a middle phase', matter({ status: 'Closed' }), undefined, { phase: 'Working on it', status: 'complete', unmapped: false, value: null }],
    ['pending matter', matter({ status: 'Pending', matter_stage: { id: 103, name: 'Negotiation' } }), undefined, { phase: 'Working on it', status: 'in_progress', unmapped: false, value: null }],
    ['new matter without a stage', matter({ matter_stage: null }), undefined, { phase: 'Getting started', status: 'not_started', unmapped: false, value: null }],
    ['unmapped stage keeps the stored phase', matter({ matter_stage: { id: 999, name: 'Appeal' } }), familyStored, { phase: 'Working on it', status: 'in_progress', unmapped: true, value: { id: 999, name: 'Appeal' } }],
    ['unmapped stage of a new project', matter({ matter_stage: { id: 999, name: 'Appeal' } }), undefined, { phase: null, status: 'not_started', unmapped: true, value: { id: 999, name: 'Appeal' } }],
    ['unmapped stage after a type change', matter({ matter_stage: { id: 999, name: 'Appeal' } }), { type: 'Immigration', phase: 'Working on it' }, { phase: null, status: 'not_started', unmapped: true, value: { id: 999, name: 'Appeal' } }],
    ['unmapped stage with a renamed stored phase', matter({ matter_stage: { id: 999, name: 'Appeal' } }), { type: 'Family law', phase: 'Old name' }, { phase: null, status: 'not_started', unmapped: true, value: { id: 999, name: 'Appeal' } }],
    ['cleared stage keeps a later phase', matter({ matter_stage: null }), familyStored, { phase: 'Working on it', status: 'in_progress', unmapped: true, value: { id: null, name: null } }],
    ['cleared stage stays in phase 0', matter({ matter_stage: null }), { type: 'Family law', phase: 'Getting started' }, { phase: 'Getting started', status: 'not_started', unmapped: false, value: null }],
    ['unmapped stage of a closed matter', matter({ status: 'Closed', matter_stage: { id: 999, name: 'Appeal' } }), familyStored, { phase: 'Working on it', status: 'complete', unmapped: true, value: { id: 999, name: 'Appeal' } }],
    ['mapped stage clears the flag', matter({ matter_stage: { id: 103, name: 'Negotiation' } }), { type: 'Family law', phase: 'Done' }, { phase: 'Working on it', status: 'in_progress', unmapped: false, value: null }],
  ])('%s', (_name, input, stored, expected) => {
    const derived = applyMapping(input, stageMapping(), stored);

    expect(derived.type).toBe('Family law');
    expect(derived.typeUnmapped).toBe(false);
    expect(derived.phase).toBe(expected.phase);
    expect(derived.status).toBe(expected.status);
    expect(derived.phaseUnmapped).toBe(expected.unmapped);
    expect(derived.unmappedPhaseValue).toEqual(expected.value);
    expect(derived.mappingVersion).toBe(3);
  });

  test.each([
    ['practice area without a project type', matter({ practice_area: { id: IMMIGRATION, name: 'Immigration' }, matter_stage: { id: 201, name: 'Consultation' } })],
    ['matter without a practice area', matter({ practice_area: null })],
  ])('%s has no type and no phase', (_name, input) => {
    const derived = applyMapping(input, stageMapping(), { type: 'Family law', phase: 'Working on it' });

    expect(derived.type).toBeNull();
    expect(derived.typeUnmapped).toBe(true);
    expect(derived.phase).toBeNull();
    expect(derived.phaseUnmapped).toBe(false);
    expect(derived.status).toBe('not_started');
  });

  test.each<[string, (keyof ClioMatter)[], string[], string[]]>([
    ['read without practice area', ['practice_area'], ['team', 'mappingVersion'], ['type', 'phase', 'status']],
    ['read without stage', ['matter_stage'], ['type', 'team'], ['phase', 'status', 'phaseUnmapped']],
    ['read without status', ['status'], ['type'], ['phase', 'status']],
    ['read without people', ['responsible_attorney', 'responsible_staff'], ['type', 'phase'], ['team']],
  ])('%s leaves the fields it needs out', (_name, missing, present, absent) => {
    const derived = applyMapping(without(matter(), ...missing), stageMapping(), { type: 'Family law', phase: 'Working on it' });

    for (const field of present) {
      expect(field in derived).toBe(true);
    }
    for (const field of absent) {
      expect(field in derived).toBe(false);
    }
  });
});

describe('applyMapping with a picklist mapping', () => {
  test.each<[string, ClioMatter, string | null, boolean]>([
    ['option with its label', matter({ custom_field_values: [casePhaseValue(9002, 'Working')] }), 'In hand', false],
    ['option id as a number without label', matter({ custom_field_values: [{ id: 'picklist-9001', value: 9001, custom_field: { id: CASE_PHASE_FIELD } }] }), 'Opened', false],
    ['no value yet', matter({ custom_field_values: [] }), 'Opened', false],
    ['option of no phase', matter({ custom_field_values: [casePhaseValue(9003, 'On hold')] }), null, true],
  ])('%s', (_name, input, phase, unmapped) => {
    const derived = applyMapping(input, picklistMapping);

    expect(derived.phase).toBe(phase);
    expect(derived.phaseUnmapped).toBe(unmapped);
  });

  test('stage changes do not move a picklist phase', () => {
    const derived = applyMapping(matter({ matter_stage: { id: 104, name: 'Final Order' }, custom_field_values: [casePhaseValue(9002, 'Working')] }), picklistMapping);

    expect(derived.phase).toBe('In hand');
    expect(derived.status).toBe('in_progress');
  });

  test('read without custom field values leaves phase out', () => {
    const derived = applyMapping(without(matter(), 'custom_field_values'), picklistMapping);

    expect('phase' in derived).toBe(false);
    expect(derived.type).toBe('Family law');
  });
});

describe('applyMapping team', () => {
  const attorney = { id: 71, name: 'Avery Lawson', email: 'avery@firm.example' };
  const staff = { id: 72, name: 'Sam Clerk', email: 'sam@firm.example' };
  test.each<[string, Partial<ClioMatter>, FirmMapping['team'], { clioId: number; role: string; primary: boolean }[]]>([
    ['attorney is primary by default', {}, { primaryContact: 'responsible_attorney', includeResponsibleStaff: true }, [{ clioId: 71, role: 'responsible_attorney', primary: true }, { clioId: 72, role: 'responsible_staff', primary: false }]],
    ['staff chosen as primary', {}, { primaryContact: 'responsible_staff', includeResponsibleStaff: true }, [{ clioId: 71, role: 'responsible_attorney', primary: false }, { clioId: 72, role: 'responsible_staff', primary: true }]],
    ['staff left out', {}, { primaryContact: 'responsible_attorney', includeResponsibleStaff: false }, [{ clioId: 71, role: 'responsible_attorney', primary: true }]],
    ['one person in both roles', { responsible_staff: attorney }, { primaryContact: 'responsible_staff', includeResponsibleStaff: true }, [{ clioId: 71, role: 'responsible_attorney', primary: true }]],
    ['no attorney', { responsible_attorney: null, responsible_staff: staff }, { primaryContact: 'responsible_attorney', includeResponsibleStaff: true }, [{ clioId: 72, role: 'responsible_staff', primary: true }]],
    ['nobody', { responsible_attorney: null, responsible_staff: null }, { primaryContact: 'responsible_attorney', includeResponsibleStaff: true }, []],
  ])('%s', (_name, people, team, expected) => {
    const derived = applyMapping(matter(people), stageMapping({ team }));

    expect(derived.team?.map(({ clioId, role, primary }) => ({ clioId, role, primary }))).toEqual(expected);
  });

  test('default mapping marks the attorney primary', () => {
    const derived = applyMapping(matter(), null);

    expect(derived.team?.find((member) => member.primary)?.clioId).toBe(71);
    expect(derived.team?.[0].email).toBe('avery@firm.example');
  });
});
