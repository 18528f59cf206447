import { validateMapping, type MappingRules, type PhaseMapping } from '../../lib/mapping';
import { CASE_PHASE_FIELD, FAMILY, IMMIGRATION, OPTIONS, SYNC_FLAG_FIELD, stageMapping } from './fixtures';

function rulesWith(phases: PhaseMapping[], overrides: Partial<MappingRules> = {}): MappingRules {
  return stageMapping({ projectTypes: [{ name: 'Family law', practiceAreaId: FAMILY, phases }], ...overrides });
}

describe('validateMapping', () => {
  test('valid stage mapping has no problem', () => {
    expect(validateMapping(stageMapping(), OPTIONS)).toEqual([]);
  });

  test('valid picklist mapping with sync flag has no problem', () => {
    const rules = rulesWith(
      [{ name: 'Opened', kind: 'not_started', clioValues: [9001] }, { name: 'On hold', kind: 'in_progress', clioValues: [9003] }, { name: 'Working', kind: 'final', clioValues: [9002] }],
      { phaseSource: { kind: 'custom_field', customFieldId: CASE_PHASE_FIELD }, syncFlagFieldId: SYNC_FLAG_FIELD },
    );

    expect(validateMapping(rules, OPTIONS)).toEqual([]);
  });

  test.each<[string, MappingRules, { path: string; message: string }[]]>([
    [
      'phase without Clio values',
      rulesWith([{ name: 'Intake', kind: 'in_progress', clioValues: [101] }, { name: 'Waiting', kind: 'in_progress', clioValues: [] }]),
      [{ path: 'projectTypes[0].phases[1].clioValues', message: 'Phase "Waiting" of project type "Family law" lists no Clio value; add at least one matter stage that puts a project into it.' }],
    ],
    [
      'stage in two phases',
      rulesWith([{ name: 'Intake', kind: 'in_progress', clioValues: [101, 102] }, { name: 'Disclosure', kind: 'in_progress', clioValues: [102] }]),
      [{ path: 'projectTypes[0].phases[1].clioValues', message: 'Project type "Family law" maps matter stage "Disclosure" (102) to two phases, "Intake" and "Disclosure"; keep it in one.' }],
    ],
    [
      'unknown stage',
      rulesWith([{ name: 'Intake', kind: 'in_progress', clioValues: [101, 555] }]),
      [{ path: 'projectTypes[0].phases[0].clioValues', message: 'Phase "Intake" of project type "Family law": matter stage 555 does not exist in Clio.' }],
    ],
    [
      'stage of another practice area',
      rulesWith([{ name: 'Intake', kind: 'in_progress', clioValues: [201] }]),
      [{ path: 'projectTypes[0].phases[0].clioValues', message: 'Phase "Intake" of project type "Family law": matter stage "Consultation" (201) belongs to practice area "Immigration", not to the project type\'s practice area.' }],
    ],
    [
      'unknown practice area',
      stageMapping({ projectTypes: [{ name: 'Tax', practiceAreaId: 77, phases: [{ name: 'Filing', kind: 'in_progress', clioValues: [101] }] }] }),
      [{ path: 'projectTypes[0].practiceAreaId', message: 'Project type "Tax" names practice area 77, which does not exist in Clio.' }],
    ],
    [
      'practice area of two project types',
      stageMapping({ projectTypes: [
        { name: 'Family law', practiceAreaId: FAMILY, phases: [{ name: 'Intake', kind: 'in_progress', clioValues: [101] }] },
        { name: 'Divorce', practiceAreaId: FAMILY, phases: [{ name: 'Intake', kind: 'in_progress', clioValues: [101] }] },
      ] }),
      [{ path: 'projectTypes[1].practiceAreaId', message: 'Project types "Family law" and "Divorce" both name practice area "Family" (10); a practice area can drive one project type only.' }],
    ],
    [
      'repeated project type name',
      stageMapping({ projectTypes: [
        { name: 'Family law', practiceAreaId: FAMILY, phases: [{ name: 'Intake', kind: 'in_progress', clioValues: [101] }] },
        { name: 'family law', practiceAreaId: IMMIGRATION, phases: [{ name: 'Intake', kind: 'in_progress', clioValues: [201] }] },
      ] }),
      [{ path: 'projectTypes[1].name', message: 'Project type "family law" repeats a project type name; give each project type its own name.' }],
    ],
    [
      'no project type',
      stageMapping({ projectTypes: [] }),
      [{ path: 'projectTypes', message: 'The mapping has no project type; add at least one, naming a Clio practice area.' }],
    ],
    [
      'project type without phases',
      rulesWith([]),
      [{ path: 'projectTypes[0].phases', message: 'Project type "Family law" has no phase; add at least one.' }],
    ],
    [
      'repeated phase name',
      rulesWith([{ name: 'Intake', kind: 'in_progress', clioValues: [101] }, { name: 'intake', kind: 'in_progress', clioValues: [102] }]),
      [{ path: 'projectTypes[0].phases[1].name', message: 'Phase "intake" of project type "Family law" repeats a phase name; give each phase of a project type its own name.' }],
    ],
    [
      'phase 0 not first',
      rulesWith([{ name: 'Intake', kind: 'in_progress', clioValues: [101] }, { name: 'Waiting', kind: 'not_started', clioValues: [102] }]),
      [{ path: 'projectTypes[0].phases[1].kind', message: 'Phase "Waiting" of project type "Family law" is a "not_started" phase but not the first; only the first phase can be phase 0.' }],
    ],
    [
      'final phase not last',
      rulesWith([{ name: 'Closed', kind: 'final', clioValues: [104] }, { name: 'Intake', kind: 'in_progress', clioValues: [101] }]),
      [{ path: 'projectTypes[0].phases[0].kind', message: 'Phase "Closed" of project type "Family law" is a "final" phase but not the last; only the last phase can be final.' }],
    ],
    [
      'phase source field is not a picklist',
      rulesWith([{ name: 'Intake', kind: 'in_progress', clioValues: [9001] }], { phaseSource: { kind: 'custom_field', customFieldId: SYNC_FLAG_FIELD } }),
      [{ path: 'phaseSource.customFieldId', message: 'Phase source: matter custom field 901 is a checkbox field; choose a matter custom field of type picklist.' }],
    ],
    [
      'unknown picklist option',
      rulesWith([{ name: 'Intake', kind: 'in_progress', clioValues: [9009] }], { phaseSource: { kind: 'custom_field', customFieldId: CASE_PHASE_FIELD } }),
      [{ path: 'projectTypes[0].phases[0].clioValues', message: 'Phase "Intake" of project type "Family law": picklist option 9009 does not exist in custom field "Case phase".' }],
    ],
    [
      'sync flag is not a checkbox',
      rulesWith([{ name: 'Intake', kind: 'in_progress', clioValues: [101] }], { syncFlagFieldId: 902 }),
      [{ path: 'syncFlagFieldId', message: 'Sync flag: matter custom field 902 is a text_line field; choose a matter custom field of type checkbox, or null for none.' }],
    ],
    [
      'unknown sync flag field',
      rulesWith([{ name: 'Intake', kind: 'in_progress', clioValues: [101] }], { syncFlagFieldId: 4242 }),
      [{ path: 'syncFlagFieldId', message: 'Sync flag: matter custom field 4242 does not exist in Clio; choose a matter custom field of type checkbox, or null for none.' }],
    ],
  ])('%s', (_name, rules, expected) => {
    expect(validateMapping(rules, OPTIONS)).toEqual(expected);
  });

  test('each problem gets its own message', () => {
    const rules = rulesWith([
      { name: 'Intake', kind: 'in_progress', clioValues: [101, 102] },
      { name: 'Disclosure', kind: 'in_progress', clioValues: [102, 555] },
      { name: 'Waiting', kind: 'in_progress', clioValues: [] },
    ]);

    const problems = validateMapping(rules, OPTIONS);

    expect(problems.map((problem) => problem.path)).toEqual([
      'projectTypes[0].phases[1].clioValues',
      'projectTypes[0].phases[1].clioValues',
      'projectTypes[0].phases[2].clioValues',
    ]);
    expect(problems[0].message).toContain('two phases');
    expect(problems[1].message).toContain('555 does not exist');
    expect(problems[2].message).toContain('lists no Clio value');
  });

  test('stages of an unknown practice area are not checked again', () => {
    const rules = stageMapping({ projectTypes: [{ name: 'Tax', practiceAreaId: 77, phases: [{ name: 'Filing', kind: 'in_progress', clioValues: [555] }] }] });

    expect(validateMapping(rules, OPTIONS)).toHaveLength(1);
  });
});
