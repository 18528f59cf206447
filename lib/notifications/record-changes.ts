import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import type { IntegrationStatus } from '../integration-status';
import type { Logger } from '../logger';
import { Firm, Notification, NotificationSettings, Project } from '../models';
import type { ClientNotificationKind } from '../models/notification';
import type { ProjectDoc } from '../models/project';
import { nextBusinessWindow } from './business-window';
import { decideNotification, matterClosedOf, type NotificationToggles } from './decide';
import { notificationKey } from './keys';
import { buildRecipients, type StoredCheck } from './outbox-documents';
import { chooseRecipients } from './recipients';
import { supersedeOlderChanges } from './supersede';
import { renderMessage, selectTemplate, type FirmTemplate } from './template';

/** One change a sync saw in a project. */
export interface ProjectChange {
  clioMatterId: number;
  kind: ClientNotificationKind;
  /** The phase the project has now, and the one it had before (null for a new project). */
  phase: string | null;
  previousPhase: string | null;
  /**
   * Identifies the change, such as the Clio etag of the matter version that carried it.
   * @default the project's stored etag, else its Clio update time
   */
  changeId?: string;
  /** ISO time of the change, which orders changes of one project. @default the record time */
  changedAt?: string;
}

/** Input of recordProjectChanges; `integrationStatus` is the state when the sync saw the changes. */
export interface RecordChangesInput {
  firmId: string;
  integrationStatus: IntegrationStatus;
  changes: ProjectChange[];
}

/** Counts of one recording call by outcome; no names or addresses, so the result may enter workflow history. */
export interface RecordChangesResult {
  queued: number;
  preview: number;
  suppressed: number;
  /** Changes recorded before, which the idempotency key turned away. */
  duplicates: number;
  /** Earlier queued or preview updates that a later change of the same project replaced. */
  superseded: number;
  /** Changes that name a matter without a project, or a phase change to the same phase. */
  skipped: number;
}

/** Settings recording reads from the process. */
export interface RecordOptions {
  now: Date;
  businessHour: string;
  smsEnabled: boolean;
  logger: Logger;
  /**
   * The projects of the changes, read by the caller with RECORDED_PROJECT_FIELDS, so a sync page
   * that has just read them is not read again. @default read here
   */
  projects?: StoredProject[];
}

/** Projection for reading the projects a caller passes in RecordOptions.projects. */
export const RECORDED_PROJECT_FIELDS = {
  clioMatterId: 1, status: 1, 'raw.status': 1, clients: 1, notificationToggles: 1, phaseUnmapped: 1, pendingChange: 1,
  clioEtag: 1, clioUpdatedAt: 1, description: 1, displayNumber: 1,
} as const;

const DEFAULT_TOGGLES: NotificationToggles = { newProject: true, phaseChange: true };

const STATE_FOR_OUTCOME = { queue: 'queued', preview: 'preview', suppress: 'suppressed' } as const;

/** A project as the recording reads it. */
export type StoredProject = ProjectDoc & { _id: Types.ObjectId };

/** A notification built for one change, before it is written. */
interface PreparedRecord {
  idempotencyKey: string;
  state: 'queued' | 'preview' | 'suppressed';
  change: ProjectChange;
  fields: Record<string, unknown>;
}

/** Settings shared by every change of one call: the firm's name, zone, holidays and templates, and the recording options. */
interface RecordContext {
  input: RecordChangesInput;
  options: RecordOptions;
  firmName: string;
  timeZone: string;
  holidays: string[];
  templates: FirmTemplate[];
}

/**
 * Records one outbox notification per change: queued for the next business window while the
 * integration is Active, a preview while it is Connected, Inactive, otherwise suppressed, with
 * every check stored. Recording a change again finds its idempotency key and adds nothing.
 * A new queued or preview phase change supersedes the older ones of its project. The changes
 * of one call are written in one bulk write, since a sync records a page of changes at a time.
 */
export async function recordProjectChanges(input: RecordChangesInput, options: RecordOptions): Promise<RecordChangesResult> {
  const result: RecordChangesResult = { queued: 0, preview: 0, suppressed: 0, duplicates: 0, superseded: 0, skipped: 0 };
  const firm = await Firm.findById(input.firmId, { name: 1, timeZone: 1 }).lean();
  const settings = await NotificationSettings.findOne({ firmId: input.firmId }).lean();
  const context: RecordContext = {
    input, options,
    firmName: firm?.name ?? input.firmId,
    timeZone: firm?.timeZone ?? 'America/New_York',
    holidays: settings?.holidays ?? [],
    templates: (settings?.templates ?? []) as FirmTemplate[],
  };
  const projects = options.projects ?? await Project.find(
    { firmId: input.firmId, provider: 'clio', clioMatterId: { $in: input.changes.map((change) => change.clioMatterId) } },
    RECORDED_PROJECT_FIELDS,
  ).lean();
  const projectOf = new Map(projects.map((project) => [project.clioMatterId, project]));

  const records: PreparedRecord[] = [];
  for (const change of input.changes) {
    if (change.kind === 'phase_change' && change.phase === change.previousPhase) {
      result.skipped += 1;
      continue;
    }
    const project = projectOf.get(change.clioMatterId);
    if (!project) {
      options.logger.warn({ firmId: input.firmId, clioMatterId: change.clioMatterId }, 'change names a matter without a project; no notification recorded');
      result.skipped += 1;
      continue;
    }
    records.push(prepareRecord(change, project, context));
  }

  const inserted = await insertNew(records);
  const repeats = new Map<string, number>();
  records.forEach((record, index) => {
    if (inserted.has(index)) {
      result[record.state] += 1;
    } else {
      repeats.set(record.idempotencyKey, (repeats.get(record.idempotencyKey) ?? 0) + 1);
      result.duplicates += 1;
    }
  });
  if (repeats.size > 0) {
    await Notification.bulkWrite([...repeats].map(([idempotencyKey, count]) => ({ updateOne: { filter: { idempotencyKey }, update: { $inc: { duplicates: count } } } })), { ordered: false });
  }

  const superseding = new Map<string, { clioMatterId: number; state: 'queued' | 'preview' }>();
  records.forEach((record, index) => {
    if (inserted.has(index) && record.change.kind === 'phase_change' && record.state !== 'suppressed') {
      superseding.set(`${record.change.clioMatterId}:${record.state}`, { clioMatterId: record.change.clioMatterId, state: record.state });
    }
  });
  for (const { clioMatterId, state } of superseding.values()) {
    result.superseded += await supersedeOlderChanges({ firmId: input.firmId, clioMatterId, state, now: options.now });
  }
  return result;
}

/** Decides one change and builds its notification with every check, rendered text and due date. */
function prepareRecord(change: ProjectChange, project: StoredProject, context: RecordContext): PreparedRecord {
  const { input, options, timeZone } = context;
  const { now } = options;
  const toggles = { ...DEFAULT_TOGGLES, ...stripNulls(project.notificationToggles) };
  const decision = decideNotification({
    integrationStatus: input.integrationStatus, projectToggles: toggles, projectStatus: project.status, matterClosed: matterClosedOf(project), kind: change.kind, phase: change.phase,
  });
  const choices = chooseRecipients(project.clients, { smsEnabled: options.smsEnabled });
  const checks: StoredCheck[] = decision.checks.map((check) => ({ ...check, at: now }));
  if (project.phaseUnmapped) {
    checks.push({ check: 'mapping', result: 'info', reason: 'clio_value_unmapped', message: 'The matter\'s current Clio value maps to no phase, so the project kept its last mapped phase.', at: now });
  }
  let { outcome, reason, message } = decision;
  const reachable = choices.filter((choice) => !choice.unreachable).length;
  if (outcome !== 'suppress' && reachable === 0) {
    outcome = 'suppress';
    reason = 'no_reachable_client';
    message = choices.length === 0 ? 'The project has no clients, so there is no one to send the update to.' : 'No client of the project has an email address or, with text messages configured, a phone number.';
    checks.push({ check: 'recipients', result: 'fail', reason, message, at: now });
  } else {
    checks.push({ check: 'recipients', result: 'pass', reason: 'clients_reachable', message: `${reachable} of ${choices.length} clients can be reached.`, at: now });
  }

  let dueAt: Date | null = null;
  if (outcome === 'queue') {
    dueAt = nextBusinessWindow(now, timeZone, options.businessHour, context.holidays);
    const local = DateTime.fromJSDate(dueAt, { zone: timeZone }).toFormat("cccc yyyy-MM-dd HH:mm");
    checks.push({ check: 'business_window', result: 'info', reason: 'next_business_window', message: `Queued for ${local} ${timeZone}, the next business window.`, at: now });
  }

  const changeId = change.changeId ?? project.clioEtag ?? project.clioUpdatedAt?.toISOString() ?? 'unversioned';
  const idempotencyKey = notificationKey({ firmId: input.firmId, clioMatterId: change.clioMatterId, kind: change.kind, phase: change.phase, changeId });
  checks.push({ check: 'idempotency', result: 'info', reason: 'first_record', message: 'This change was recorded once under its idempotency key; a repeated record only counts in duplicates.', at: now });

  const state = STATE_FOR_OUTCOME[outcome];
  const template = selectTemplate(change.kind, change.phase, context.templates);
  const values = { projectName: project.description || project.displayNumber || `matter ${project.clioMatterId}`, phase: change.phase, previousPhase: change.previousPhase, firmName: context.firmName };
  const recipients = buildRecipients(choices, { state, reason, message, idempotencyKey, render: (clientName) => renderMessage(template, { ...values, clientName }) });
  const fields = {
    // An id made here grows with each record of this process, which breaks ties between changes of equal changedAt.
    _id: new Types.ObjectId(),
    firmId: input.firmId, provider: 'clio', clioMatterId: change.clioMatterId, projectId: project._id, kind: change.kind, alertKind: null,
    phase: change.phase, previousPhase: change.previousPhase, changeId, changedAt: change.changedAt ? new Date(change.changedAt) : now,
    idempotencyKey, state, dueAt, recipients: recipients.map((recipient) => ({ ...recipient, ...UNSENT_RECIPIENT })),
    decision: { outcome, reason, message }, checks,
    context: { integrationStatus: input.integrationStatus, projectStatus: project.status ?? null, toggles, timeZone, businessHour: options.businessHour },
    ...UNCLAIMED_NOTIFICATION,
  };
  return { idempotencyKey, state, change, fields };
}

/** The delivery fields of a recipient no dispatcher has tried yet, as the schema's defaults give them. */
const UNSENT_RECIPIENT = { attemptToken: null, attempts: 0, attemptedAt: null, messageId: null, finishedAt: null } as const;

/** The dispatch fields of a notification no dispatcher has claimed yet, as the schema's defaults give them. */
const UNCLAIMED_NOTIFICATION = {
  supersededBy: null, duplicates: 0, claimToken: null, claimedAt: null, claimedBy: null, dispatchAttempts: 0, revision: 0, finishedAt: null,
} as const;

/**
 * Inserts the records whose idempotency key is new, in one unordered insert, and returns the
 * indexes of those inserted. The unique index on the key rejects a key already stored, or one
 * another writer inserted at the same moment, with E11000, and the other records still go in.
 * Plain inserts, unlike upserts filtered on the key, need no lookup per record.
 *
 * The insert is lean: prepareRecord builds every field the schema defines, defaults included,
 * so mongoose neither builds nor validates a document per record. A first sync records one
 * update per project, and building those documents took longer than the rest of the sync. A
 * test compares a recorded update with the document mongoose makes of it.
 */
async function insertNew(records: PreparedRecord[]): Promise<Set<number>> {
  if (records.length === 0) {
    return new Set();
  }
  const all = new Set(records.map((_record, index) => index));
  // Timestamps come from the clock, as mongoose sets them, not from the workflow's time.
  const createdAt = new Date();
  try {
    await Notification.insertMany(records.map((record) => ({ ...record.fields, createdAt, updatedAt: createdAt, __v: 0 })), { ordered: false, rawResult: true, lean: true });
    return all;
  } catch (error) {
    const failed = error as { writeErrors?: WriteErrorLike | WriteErrorLike[] };
    // The driver's WriteError keeps code and index under `err`; a plain error object has them at the top.
    const writeErrors = (failed.writeErrors === undefined ? [] : [failed.writeErrors].flat()).map((writeError) => writeError.err ?? writeError);
    if (writeErrors.length === 0 || writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) {
      throw error;
    }
    for (const writeError of writeErrors) {
      all.delete(writeError.index as number);
    }
    return all;
  }
}

/** The fields of a driver WriteError that separate a lost insert race from a real failure. */
interface WriteErrorLike {
  code?: number;
  index?: number;
  err?: { code?: number; index?: number };
}

/** MongoDB's duplicate-key error code, raised on the losing upsert when two writers record one change at once. */
const DUPLICATE_KEY = 11000;

function stripNulls(toggles: { newProject?: boolean | null; phaseChange?: boolean | null } | null | undefined): Partial<NotificationToggles> {
  const stored: Partial<NotificationToggles> = {};
  if (typeof toggles?.newProject === 'boolean') stored.newProject = toggles.newProject;
  if (typeof toggles?.phaseChange === 'boolean') stored.phaseChange = toggles.phaseChange;
  return stored;
}
