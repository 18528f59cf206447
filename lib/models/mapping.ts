import { Schema, model } from 'mongoose';
import type { FirmMapping, MappingRules } from '../mapping/types';

const phaseSchema = new Schema(
  {
    name: { type: String, required: true },
    kind: { type: String, enum: ['not_started', 'in_progress', 'final'], required: true },
    /** Clio matter stage ids, or picklist option ids when the phase source is a custom field. */
    clioValues: { type: [Number], default: [] },
  },
  { _id: false },
);

const projectTypeSchema = new Schema(
  {
    name: { type: String, required: true },
    practiceAreaId: { type: Number, required: true },
    phases: { type: [phaseSchema], default: [] },
  },
  { _id: false },
);

/**
 * One firm's field mapping: which Clio values drive project type, phase, team and whether a
 * matter syncs. `version` grows with every save; projects record the version they come from.
 */
const mappingSchema = new Schema(
  {
    firmId: { type: String, required: true },
    provider: { type: String, required: true, default: 'clio' },
    version: { type: Number, required: true },
    phaseSource: {
      type: new Schema({ kind: { type: String, enum: ['matter_stage', 'custom_field'], required: true }, customFieldId: { type: Number, default: null } }, { _id: false }),
      required: true,
    },
    syncFlagFieldId: { type: Number, default: null },
    team: {
      type: new Schema({ primaryContact: { type: String, enum: ['responsible_attorney', 'responsible_staff'], required: true }, includeResponsibleStaff: { type: Boolean, required: true } }, { _id: false }),
      required: true,
    },
    projectTypes: { type: [projectTypeSchema], default: [] },
    /** Author of this version, as `role:userId`. */
    updatedBy: { type: String, default: null },
  },
  { timestamps: true },
);
mappingSchema.index({ firmId: 1, provider: 1 }, { unique: true });

export const Mapping = model('Mapping', mappingSchema);

/** A stored mapping with its save time and author. */
export interface StoredMapping extends FirmMapping {
  updatedAt: Date | null;
  updatedBy: string | null;
}

type MappingDoc = {
  version: number;
  phaseSource?: { kind?: string | null; customFieldId?: number | null } | null;
  syncFlagFieldId?: number | null;
  team?: { primaryContact?: string | null; includeResponsibleStaff?: boolean | null } | null;
  projectTypes?: { name: string; practiceAreaId: number; phases?: { name: string; kind: string; clioValues?: number[] }[] }[];
  updatedAt?: Date | null;
  updatedBy?: string | null;
};

function toStoredMapping(doc: MappingDoc): StoredMapping {
  const customFieldId = doc.phaseSource?.customFieldId;
  return {
    version: doc.version,
    phaseSource: doc.phaseSource?.kind === 'custom_field' && typeof customFieldId === 'number' ? { kind: 'custom_field', customFieldId } : { kind: 'matter_stage' },
    syncFlagFieldId: doc.syncFlagFieldId ?? null,
    team: {
      primaryContact: doc.team?.primaryContact === 'responsible_staff' ? 'responsible_staff' : 'responsible_attorney',
      includeResponsibleStaff: doc.team?.includeResponsibleStaff ?? true,
    },
    projectTypes: (doc.projectTypes ?? []).map((projectType) => ({
      name: projectType.name,
      practiceAreaId: projectType.practiceAreaId,
      phases: (projectType.phases ?? []).map((phase) => ({
        name: phase.name,
        kind: phase.kind === 'not_started' || phase.kind === 'final' ? phase.kind : 'in_progress',
        clioValues: [...(phase.clioValues ?? [])],
      })),
    })),
    updatedAt: doc.updatedAt ?? null,
    updatedBy: doc.updatedBy ?? null,
  };
}

/** Returns the firm's saved mapping, or null while the firm uses the default mapping. */
export async function findFirmMapping(firmId: string): Promise<StoredMapping | null> {
  const doc = await Mapping.findOne({ firmId, provider: 'clio' }).lean<MappingDoc>();
  return doc ? toStoredMapping(doc) : null;
}

/**
 * Saves `rules` as the firm's mapping and returns it with its new version, one more than the
 * version before. Two saves at once each get their own version; the later write wins.
 */
export async function saveFirmMapping(firmId: string, rules: MappingRules, updatedBy: string | null): Promise<StoredMapping> {
  const phaseSource = rules.phaseSource.kind === 'custom_field' ? rules.phaseSource : { kind: 'matter_stage', customFieldId: null };
  const doc = await Mapping.findOneAndUpdate(
    { firmId, provider: 'clio' },
    { $set: { phaseSource, syncFlagFieldId: rules.syncFlagFieldId, team: rules.team, projectTypes: rules.projectTypes, updatedBy }, $inc: { version: 1 } },
    { upsert: true, new: true },
  ).lean<MappingDoc>();
  if (!doc) {
    throw new Error(`Saving the mapping of firm ${firmId} returned no document`);
  }
  return toStoredMapping(doc);
}
