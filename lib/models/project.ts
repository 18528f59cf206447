import { Schema, model, type InferSchemaType } from 'mongoose';
import { CLIENT_NOTIFICATION_KINDS } from './notification';

export const PROJECT_STATUSES = ['not_started', 'in_progress', 'complete', 'archived'] as const;

const personSchema = new Schema(
  {
    clioId: Number,
    name: String,
    /** Primary email address and phone number, for a one-line display. */
    email: { type: String, default: null },
    phone: { type: String, default: null },
    emails: { type: [String], default: [] },
    phones: { type: [new Schema({ number: String, name: { type: String, default: null } }, { _id: false })], default: [] },
    /** Role of the person on the matter, such as client, related_client or responsible_attorney. */
    role: { type: String, default: null },
    /** Set on team members only: true for the team's primary contact. */
    primary: { type: Boolean },
  },
  { _id: false },
);

const customFieldSchema = new Schema(
  {
    clioFieldId: Number,
    name: { type: String, default: null },
    fieldType: { type: String, default: null },
    /** The value as Clio sent it; for a picklist, the option id. */
    value: { type: Schema.Types.Mixed, default: null },
    /** The label of a picklist option. */
    option: { type: String, default: null },
  },
  { _id: false },
);

/**
 * A change that owes the project's clients an update. The sync sets it in the same write as the
 * change and clears it once the change is recorded in the notifications outbox. So a worker that
 * stops between the two leaves it for the retried page to record.
 */
const pendingChangeSchema = new Schema(
  {
    kind: { type: String, enum: CLIENT_NOTIFICATION_KINDS, required: true },
    phase: { type: String, default: null },
    previousPhase: { type: String, default: null },
    /** The Clio etag of the matter version that carried the change. */
    changeId: { type: String, required: true },
    changedAt: { type: Date, default: null },
  },
  { _id: false },
);

/**
 * One project per Clio matter, keyed by (firmId, provider, clioMatterId) so every sync write is
 * an idempotent upsert. `raw` keeps the Clio snapshot the mapped fields were derived from.
 */
const projectSchema = new Schema(
  {
    firmId: { type: String, required: true },
    provider: { type: String, required: true, default: 'clio' },
    clioMatterId: { type: Number, required: true },
    clioEtag: { type: String, default: null },
    displayNumber: { type: String, default: null },
    description: { type: String, default: null },
    /** Project type, from the matter's practice area through the firm's mapping. */
    type: { type: String, default: null },
    /** Phase, from the matter's stage or a picklist custom field through the firm's mapping. */
    phase: { type: String, default: null },
    /** True when the matter's practice area drives no project type of the firm's mapping. */
    typeUnmapped: { type: Boolean, default: false },
    /** True when the matter's Clio value maps to no phase; the project keeps its last mapped phase meanwhile. */
    phaseUnmapped: { type: Boolean, default: false },
    /** The stage or picklist option that mapped to no phase, while `phaseUnmapped` is set. */
    unmappedPhaseValue: { type: new Schema({ id: { type: Number, default: null }, name: { type: String, default: null } }, { _id: false }), default: null },
    /** Version of the mapping the mapped fields come from; 0 for the default mapping. */
    mappingVersion: { type: Number, default: 0 },
    status: { type: String, enum: PROJECT_STATUSES, required: true },
    clients: { type: [personSchema], default: [] },
    team: { type: [personSchema], default: [] },
    customFields: { type: [customFieldSchema], default: [] },
    /** The last sync run that saw this matter in Clio; reconciliation archives projects it did not see. */
    lastSeenRunId: { type: String, default: null },
    archivedAt: { type: Date, default: null },
    clioUpdatedAt: { type: Date, default: null },
    lastSyncRunId: { type: String, default: null },
    raw: { type: Schema.Types.Mixed, required: true },
    /** Which client updates this project sends; a document written before the toggles existed reads as both on. */
    notificationToggles: {
      newProject: { type: Boolean, default: true },
      phaseChange: { type: Boolean, default: true },
    },
    pendingChange: { type: pendingChangeSchema, default: null },
  },
  { timestamps: true, minimize: false },
);
projectSchema.index({ firmId: 1, provider: 1, clioMatterId: 1 }, { unique: true });

export type ProjectDoc = InferSchemaType<typeof projectSchema>;
export const Project = model('Project', projectSchema);
