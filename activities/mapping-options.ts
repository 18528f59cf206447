import { ApplicationFailure } from '@temporalio/activity';
import type { ClioApi } from '../lib/clio/api';
import type { ClioCustomField, ClioMatterStage, ClioPracticeArea } from '../lib/clio/types';
import { FAILURE_TYPES } from '../lib/failure-types';
import type { ClioOptions } from '../lib/mapping';
import { clioApiFor, type ActivityDependencies } from './dependencies';
import { toActivityFailure } from './failures';

/** Groups stages under their practice areas and keeps the custom field details a mapping needs. */
export function toClioOptions(areas: ClioPracticeArea[], stages: ClioMatterStage[], fields: ClioCustomField[]): ClioOptions {
  const byOrder = (a: { order: number | null; id: number }, b: { order: number | null; id: number }) => (a.order ?? 0) - (b.order ?? 0) || a.id - b.id;
  return {
    practiceAreas: areas.map((area) => ({
      id: area.id,
      name: area.name ?? `Practice area ${area.id}`,
      stages: stages
        // Clio sends a stage's practice_area_id as a string.
        .filter((stage) => Number(stage.practice_area_id) === area.id)
        .map((stage) => ({ id: stage.id, name: stage.name ?? `Stage ${stage.id}`, order: stage.order ?? null }))
        .sort(byOrder),
    })),
    matterCustomFields: fields
      .filter((field) => field.deleted !== true)
      .map((field) => ({
        id: field.id,
        name: field.name ?? `Custom field ${field.id}`,
        fieldType: field.field_type ?? 'unknown',
        picklistOptions: (field.picklist_options ?? []).map((option) => ({
          id: option.id,
          name: option.option ?? `Option ${option.id}`,
          deleted: Boolean(option.deleted_at),
        })),
      })),
  };
}

async function readClioOptions(api: ClioApi): Promise<ClioOptions> {
  const areas = await api.listPracticeAreas();
  const stages = await api.listMatterStages();
  const fields = await api.listMatterCustomFields();
  return toClioOptions(areas, stages, fields);
}

/** Builds the activity that reads the Clio values a firm's mapping may refer to. */
export function createMappingOptionsActivities(deps: ActivityDependencies) {
  return {
    /**
     * Reads the firm's practice areas, matter stages and matter custom fields from Clio: three
     * listings of one request each, unless a listing passes 200 records. The result contains
     * names and ids only, never a token or client data.
     * NOTE: a lost grant found here only fails this read; the integration moves to
     * Reauthorization required at its next sync, because this workflow cannot change its state.
     */
    async fetchClioOptions(firmId: string): Promise<ClioOptions> {
      if (!(await deps.credentials.region(firmId))) {
        throw ApplicationFailure.create({ type: FAILURE_TYPES.clioNotConnected, message: `Firm ${firmId} has not connected Clio; connect it before mapping Clio fields`, nonRetryable: true });
      }
      try {
        return await readClioOptions(await clioApiFor(deps, firmId));
      } catch (error) {
        throw toActivityFailure(error, `Reading the Clio options of firm ${firmId}`);
      }
    },
  };
}
