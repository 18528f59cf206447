import { Schema, model, type InferSchemaType } from 'mongoose';
import { INTEGRATION_STATUSES } from '../integration-status';

/** Client updates, plus the alerts that tell a firm's admins syncing has stopped. */
export const NOTIFICATION_KINDS = ['new_project', 'phase_change', 'admin_alert'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds a firm's clients receive, each with a per-project toggle. */
export const CLIENT_NOTIFICATION_KINDS = ['new_project', 'phase_change'] as const;
export type ClientNotificationKind = (typeof CLIENT_NOTIFICATION_KINDS)[number];

export const ADMIN_ALERT_KINDS = ['reauthorization_required', 'preflight_failed'] as const;
export type AdminAlertKind = (typeof ADMIN_ALERT_KINDS)[number];

/**
 * Notification states. preview: recorded while the integration was Connected, Inactive, and
 * never sent. queued: waits for `dueAt`. superseded: replaced by a later change of the same
 * project before it was sent. sending: claimed by a dispatcher. sent: every recipient has a
 * result and none failed. failed: at least one recipient failed. suppressed: not sent, for the
 * reason in `decision` or in each recipient.
 */
export const NOTIFICATION_STATES = ['preview', 'queued', 'superseded', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

/**
 * Per-recipient delivery status. `sending` means an attempt started and its result is not yet
 * stored; the other statuses mirror the notification states.
 */
export const RECIPIENT_STATUSES = ['pending', 'sending', 'sent', 'failed', 'suppressed', 'preview', 'superseded'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** One check behind a notification's outcome, stored so an explanation reads it instead of recomputing it. */
const checkSchema = new Schema(
  {
    /** integration, project_status, toggle, mapping, recipients, business_window, idempotency, coalescing or dispatch. */
    check: { type: String, required: true },
    result: { type: String, enum: ['pass', 'fail', 'info'], required: true },
    reason: { type: String, required: true },
    message: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/** One person a notification goes to, with the text rendered for them and the delivery result. */
const recipientSchema = new Schema(
  {
    /** Clio contact id of a client, or the user id of a firm admin. */
    clientId: { type: String, default: null },
    name: { type: String, default: null },
    channel: { type: String, enum: [...CHANNELS, null], default: null },
    address: { type: String, default: null },
    status: { type: String, enum: RECIPIENT_STATUSES, required: true },
    /** snake_case cause of a status other than sent, and the sentence an explanation shows. */
    reason: { type: String, default: null },
    message: { type: String, default: null },
    subject: { type: String, default: '' },
    text: { type: String, default: '' },
    /** Opaque key the transport turns into the Message-ID or Idempotency-Key header; stable across attempts. */
    deliveryKey: { type: String, required: true },
    /** Claim token of the dispatcher whose attempt is in flight or finished. */
    attemptToken: { type: String, default: null },
    attempts: { type: Number, default: 0 },
    attemptedAt: { type: Date, default: null },
    messageId: { type: String, default: null },
    finishedAt: { type: Date, default: null },
  },
  { _id: false },
);

/**
 * The outbox: one notification per (project, change), or per admin alert. `idempotencyKey` is
 * unique, so recording the same change twice keeps one document. Every write a dispatcher makes
 * is conditioned on its claim token, or for a delivery result on the token of its attempt.
 */
const notificationSchema = new Schema(
  {
    firmId: { type: String, required: true },
    provider: { type: String, required: true, default: 'clio' },
    /** Null for an admin alert. */
    clioMatterId: { type: Number, default: null },
    projectId: { type: Schema.Types.ObjectId, default: null },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    alertKind: { type: String, enum: [...ADMIN_ALERT_KINDS, null], default: null },
    /** The phase the project moved to, and the one it left. */
    phase: { type: String, default: null },
    previousPhase: { type: String, default: null },
    /** Identifies the change within the project, such as the Clio etag of the matter version that carried it. */
    changeId: { type: String, required: true },
    /** Time of the change; the latest change of a project wins coalescing. */
    changedAt: { type: Date, required: true },
    idempotencyKey: { type: String, required: true, unique: true },
    state: { type: String, enum: NOTIFICATION_STATES, required: true },
    dueAt: { type: Date, default: null },
    recipients: { type: [recipientSchema], default: [] },
    /** The outcome recorded with the change, and every check that led to it or changed it later. */
    decision: {
      outcome: { type: String, enum: ['queue', 'preview', 'suppress'], required: true },
      reason: { type: String, required: true },
      message: { type: String, required: true },
    },
    checks: { type: [checkSchema], default: [] },
    /** Inputs of the decision as they were when the change was recorded. */
    context: {
      integrationStatus: { type: String, enum: [...INTEGRATION_STATUSES, null], default: null },
      projectStatus: { type: String, default: null },
      toggles: { newProject: { type: Boolean, default: null }, phaseChange: { type: Boolean, default: null } },
      timeZone: { type: String, default: null },
      businessHour: { type: String, default: null },
    },
    supersededBy: { type: String, default: null },
    /** Repeated records of this change that the unique key turned away. */
    duplicates: { type: Number, default: 0 },
    claimToken: { type: String, default: null },
    claimedAt: { type: Date, default: null },
    /**
     * The dispatch activity holding the claim (workflow id, run id and activity id), so a retry
     * of that activity, which Temporal starts only after the attempt failed or timed out, takes
     * the claim over at once.
     */
    claimedBy: { type: String, default: null },
    /** Dispatch passes so far; transient failures queue the notification again until a limit. */
    dispatchAttempts: { type: Number, default: 0 },
    /** Grows on every recipient write, so a state derived from the recipients is written only if none changed meanwhile. */
    revision: { type: Number, default: 0 },
    finishedAt: { type: Date, default: null },
  },
  { timestamps: true, minimize: false },
);
notificationSchema.index({ firmId: 1, state: 1, dueAt: 1 });
notificationSchema.index({ firmId: 1, clioMatterId: 1, createdAt: -1 });

export type NotificationDoc = InferSchemaType<typeof notificationSchema>;
export const Notification = model('Notification', notificationSchema);

/** A firm's wording for one kind of update, optionally for one phase only. */
const templateSchema = new Schema(
  {
    kind: { type: String, enum: CLIENT_NOTIFICATION_KINDS, required: true },
    /** The phase this wording is for; null applies to every phase without its own template. */
    phase: { type: String, default: null },
    subject: { type: String, required: true },
    text: { type: String, required: true },
  },
  { _id: false },
);

/** A firm's notification settings: its own templates and the holidays on which nothing is sent. */
const notificationSettingsSchema = new Schema(
  {
    firmId: { type: String, required: true, unique: true },
    templates: { type: [templateSchema], default: [] },
    /** Dates in the firm's time zone, YYYY-MM-DD. */
    holidays: { type: [String], default: [] },
  },
  { timestamps: true },
);

export type NotificationSettingsDoc = InferSchemaType<typeof notificationSettingsSchema>;
export const NotificationSettings = model('NotificationSettings', notificationSettingsSchema);
