import { Schema, model, type InferSchemaType } from 'mongoose';
import { CLIO_REGIONS, INTEGRATION_STATUSES } from '../integration-status';

/**
 * Read model of one firm's integration, written by the workflow on every transition so the
 * API and pages respond without querying Temporal. The workflow stays the source of truth.
 */
const integrationSchema = new Schema(
  {
    firmId: { type: String, required: true },
    provider: { type: String, required: true, default: 'clio' },
    status: { type: String, enum: INTEGRATION_STATUSES, required: true, default: 'not_connected' },
    /** The state to return to after reconnecting, set while reauthorization is required. */
    statusBeforeReauthorization: { type: String, enum: [...INTEGRATION_STATUSES, null], default: null },
    region: { type: String, enum: [...CLIO_REGIONS, null], default: null },
    clioUser: {
      type: new Schema({ id: Number, name: String }, { _id: false }),
      default: null,
    },
    workflowId: { type: String, default: null },
    /** Version of the stored credentials the workflow last acknowledged. */
    credentialVersion: { type: Number, default: 0 },
    lastSyncAt: { type: Date, default: null },
    lastSyncRunId: { type: String, default: null },
    nextSyncAt: { type: Date, default: null },
    /** Workflow-side sequence of the last written transition, so a stale write never wins. */
    revision: { type: Number, default: 0 },
    /**
     * Start time of the workflow that wrote the state. A firm that disconnects and connects
     * again gets a new workflow, whose revisions count from 1 again, so a later start wins.
     */
    workflowStartedAt: { type: Date, default: null },
    message: { type: String, default: null },
  },
  { timestamps: true },
);
integrationSchema.index({ firmId: 1, provider: 1 }, { unique: true });

export type IntegrationDoc = InferSchemaType<typeof integrationSchema>;
export const Integration = model('Integration', integrationSchema);
