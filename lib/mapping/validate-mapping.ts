import type { ClioCustomFieldOption, ClioOptions, MappingProblem, MappingRules, ProjectTypeMapping } from './types';

/** Checks and names of one kind of Clio value (stages or picklist options) in phases. */
interface ValueCatalogue {
  /** Singular noun for the values, such as "matter stage". */
  noun: string;
  /** Returns the value's name when the value may be used in `projectType`, or a reason when it may not. */
  check(projectType: ProjectTypeMapping, id: number): { name: string } | { problem: string };
}

function quote(name: string): string {
  return `"${name}"`;
}

function stageCatalogue(options: ClioOptions): ValueCatalogue {
  return {
    noun: 'matter stage',
    check(projectType, id) {
      const owner = options.practiceAreas.find((area) => area.stages.some((stage) => stage.id === id));
      const stage = owner?.stages.find((candidate) => candidate.id === id);
      if (!owner || !stage) {
        return { problem: `matter stage ${id} does not exist in Clio` };
      }
      if (owner.id !== projectType.practiceAreaId) {
        return { problem: `matter stage ${quote(stage.name)} (${id}) belongs to practice area ${quote(owner.name)}, not to the project type's practice area` };
      }
      return { name: stage.name };
    },
  };
}

function picklistCatalogue(field: ClioCustomFieldOption): ValueCatalogue {
  return {
    noun: 'picklist option',
    check(_projectType, id) {
      const option = field.picklistOptions.find((candidate) => candidate.id === id);
      return option ? { name: option.name } : { problem: `picklist option ${id} does not exist in custom field ${quote(field.name)}` };
    },
  };
}

/** Checks the phase source and sync flag fields; returns the catalogue for phase values, or null when the source is unusable. */
function checkFields(rules: MappingRules, options: ClioOptions, problems: MappingProblem[]): ValueCatalogue | null {
  const fieldById = (id: number) => options.matterCustomFields.find((field) => field.id === id);
  let catalogue: ValueCatalogue | null = stageCatalogue(options);
  if (rules.phaseSource.kind === 'custom_field') {
    const field = fieldById(rules.phaseSource.customFieldId);
    if (!field || field.fieldType !== 'picklist') {
      const found = field ? `is a ${field.fieldType} field` : 'does not exist in Clio';
      problems.push({ path: 'phaseSource.customFieldId', message: `Phase source: matter custom field ${rules.phaseSource.customFieldId} ${found}; choose a matter custom field of type picklist.` });
      catalogue = null;
    } else {
      catalogue = picklistCatalogue(field);
    }
  }
  if (rules.syncFlagFieldId !== null) {
    const field = fieldById(rules.syncFlagFieldId);
    if (!field || field.fieldType !== 'checkbox') {
      const found = field ? `is a ${field.fieldType} field` : 'does not exist in Clio';
      problems.push({ path: 'syncFlagFieldId', message: `Sync flag: matter custom field ${rules.syncFlagFieldId} ${found}; choose a matter custom field of type checkbox, or null for none.` });
    }
  }
  return catalogue;
}

/** Checks one project type's phases: values present, known and used once, names unique, phase 0 first and final phase last. */
function checkPhases(projectType: ProjectTypeMapping, path: string, catalogue: ValueCatalogue | null, problems: MappingProblem[]): void {
  const label = `Project type ${quote(projectType.name)}`;
  if (projectType.phases.length === 0) {
    problems.push({ path: `${path}.phases`, message: `${label} has no phase; add at least one.` });
  }
  const phaseOfValue = new Map<number, string>();
  const names = new Set<string>();
  projectType.phases.forEach((phase, index) => {
    const phasePath = `${path}.phases[${index}]`;
    const phaseLabel = `Phase ${quote(phase.name)} of project type ${quote(projectType.name)}`;
    if (names.has(phase.name.toLowerCase())) {
      problems.push({ path: `${phasePath}.name`, message: `${phaseLabel} repeats a phase name; give each phase of a project type its own name.` });
    }
    names.add(phase.name.toLowerCase());
    if (phase.kind === 'not_started' && index !== 0) {
      problems.push({ path: `${phasePath}.kind`, message: `${phaseLabel} is a "not_started" phase but not the first; only the first phase can be phase 0.` });
    }
    if (phase.kind === 'final' && index !== projectType.phases.length - 1) {
      problems.push({ path: `${phasePath}.kind`, message: `${phaseLabel} is a "final" phase but not the last; only the last phase can be final.` });
    }
    if (phase.clioValues.length === 0) {
      problems.push({ path: `${phasePath}.clioValues`, message: `${phaseLabel} lists no Clio value; add at least one ${catalogue?.noun ?? 'Clio value'} that puts a project into it.` });
    }
    for (const id of phase.clioValues) {
      const checked = catalogue?.check(projectType, id);
      if (checked && 'problem' in checked) {
        problems.push({ path: `${phasePath}.clioValues`, message: `${phaseLabel}: ${checked.problem}.` });
        continue;
      }
      const other = phaseOfValue.get(id);
      if (other !== undefined && other !== phase.name) {
        const valueName = checked ? `${catalogue?.noun} ${quote(checked.name)} (${id})` : `Clio value ${id}`;
        problems.push({ path: `${phasePath}.clioValues`, message: `Project type ${quote(projectType.name)} maps ${valueName} to two phases, ${quote(other)} and ${quote(phase.name)}; keep it in one.` });
      }
      phaseOfValue.set(id, other ?? phase.name);
    }
  });
}

/**
 * Checks a mapping against the firm's live Clio options and returns every problem, each naming
 * the item it concerns, or an empty list when the mapping can be saved. Reads nothing but its
 * arguments.
 */
export function validateMapping(rules: MappingRules, options: ClioOptions): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const catalogue = checkFields(rules, options, problems);
  if (rules.projectTypes.length === 0) {
    problems.push({ path: 'projectTypes', message: 'The mapping has no project type; add at least one, naming a Clio practice area.' });
  }

  const typeOfArea = new Map<number, string>();
  const typeNames = new Set<string>();
  rules.projectTypes.forEach((projectType, index) => {
    const path = `projectTypes[${index}]`;
    const label = `Project type ${quote(projectType.name)}`;
    if (typeNames.has(projectType.name.toLowerCase())) {
      problems.push({ path: `${path}.name`, message: `${label} repeats a project type name; give each project type its own name.` });
    }
    typeNames.add(projectType.name.toLowerCase());

    const area = options.practiceAreas.find((candidate) => candidate.id === projectType.practiceAreaId);
    if (!area) {
      problems.push({ path: `${path}.practiceAreaId`, message: `${label} names practice area ${projectType.practiceAreaId}, which does not exist in Clio.` });
    }
    const other = typeOfArea.get(projectType.practiceAreaId);
    if (other !== undefined) {
      const areaName = area ? `${quote(area.name)} (${area.id})` : String(projectType.practiceAreaId);
      problems.push({ path: `${path}.practiceAreaId`, message: `Project types ${quote(other)} and ${quote(projectType.name)} both name practice area ${areaName}; a practice area can drive one project type only.` });
    } else {
      typeOfArea.set(projectType.practiceAreaId, projectType.name);
    }

    // Stage checks against an unknown practice area would only repeat its problem.
    const skipValueChecks = !area && rules.phaseSource.kind === 'matter_stage';
    checkPhases(projectType, path, skipValueChecks ? null : catalogue, problems);
  });
  return problems;
}
