import { Schema, model, type InferSchemaType } from 'mongoose';

export const SYNC_KINDS = ['full', 'incremental', 'reconcile', 'project', 'rederive'] as const;
export const SYNC_TRIGGERS = ['nightly', 'manual', 'catch_up', 'mapping_changed'] as const;
export const SYNC_RUN_STATES = ['queued', 'running', 'completed', 'failed'] as const;

/**
 * One sync of a firm's matters: what started it, how far it got and what it changed. A `rederive`
 * run reads no Clio data: it maps the stored snapshots again after the firm's mapping changed.
 */
const syncRunSchema = new Schema(
  {
    _id: { type: String, required: true },
    firmId: { type: String, required: true, index: true },
    provider: { type: String, required: true, default: 'clio' },
    kind: { type: String, enum: SYNC_KINDS, required: true },
    trigger: { type: String, enum: SYNC_TRIGGERS, required: true },
    /** The Clio matter id of a project sync. */
    clioMatterId: { type: Number, default: null },
    state: { type: String, enum: SYNC_RUN_STATES, required: true, default: 'queued' },
    counts: {
      fetched: { type: Number, default: 0 },
      created: { type: Number, default: 0 },
      updated: { type: Number, default: 0 },
      unchanged: { type: Number, default: 0 },
      archived: { type: Number, default: 0 },
      restored: { type: Number, default: 0 },
      failed: { type: Number, default: 0 },
      /** Matters without a project that the firm's sync rule excluded. */
      skipped: { type: Number, default: 0 },
    },
    /** Requests sent to Clio, and how many of them Clio rejected with 429. */
    requests: { type: Number, default: 0 },
    rateLimited: { type: Number, default: 0 },
    pages: { type: Number, default: 0 },
    /** Total matters Clio reported for the listing, when it reports one; null otherwise. */
    expectedRecords: { type: Number, default: null },
    /** Lower bound of `updated_since` for an incremental run. */
    updatedSince: { type: Date, default: null },
    requestedAt: { type: Date, required: true },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    durationMs: { type: Number, default: null },
    error: { type: String, default: null },
  },
  { timestamps: true },
);

export type SyncRunDoc = InferSchemaType<typeof syncRunSchema>;
export const SyncRun = model('SyncRun', syncRunSchema);
