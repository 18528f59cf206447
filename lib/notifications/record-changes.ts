import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import type { IntegrationStatus } from '../integration-status';
import type { Logger } from '../logger';
import { Firm, Notification, NotificationSettings, Project } from '../models';
import type { ClientNotificationKind } from '../models/notification';
import { nextBusinessWindow } from './business-window';
import { decideNotification, type NotificationToggles } from './decide';
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
}

const DEFAULT_TOGGLES: NotificationToggles = { newProject: true, phaseChange: true };

const STATE_FOR_OUTCOME = { queue: 'queued', preview: 'preview', suppress: 'suppressed' } as const;

/**
 * Records one outbox notification per change: queued for the next business window while the
 * integration is Active, a preview while it is Connected, Inactive, otherwise suppressed, with
 * every check stored. Recording a change again finds its idempotency key and adds nothing.
 * A new queued or preview phase change supersedes the older ones of its project.
 */
export async function recordProjectChanges(input: RecordChangesInput, options: RecordOptions): Promise<RecordChangesResult> {
  const result: RecordChangesResult = { queued: 0, preview: 0, suppressed: 0, duplicates: 0, superseded: 0, skipped: 0 };
  const firm = await Firm.findById(input.firmId, { name: 1, timeZone: 1 }).lean();
  const settings = await NotificationSettings.findOne({ firmId: input.firmId }).lean();
  const timeZone = firm?.timeZone ?? 'America/New_York';
  const holidays = settings?.holidays ?? [];
  const templates = (settings?.templates ?? []) as FirmTemplate[];
  const { now } = options;

  for (const change of input.changes) {
    if (change.kind === 'phase_change' && change.phase === change.previousPhase) {
      result.skipped += 1;
      continue;
    }
    const project = await Project.findOne({ firmId: input.firmId, provider: 'clio', clioMatterId: change.clioMatterId }).lean();
    if (!project) {
      options.logger.warn({ firmId: input.firmId, clioMatterId: change.clioMatterId }, 'change names a matter without a project; no notification recorded');
      result.skipped += 1;
      continue;
    }

    const toggles = { ...DEFAULT_TOGGLES, ...stripNulls(project.notificationToggles) };
    const decision = decideNotification({ integrationStatus: input.integrationStatus, projectToggles: toggles, projectStatus: project.status, kind: change.kind, phase: change.phase });
    const choices = chooseRecipients(project.clients, { smsEnabled: options.smsEnabled });
    const checks: StoredCheck[] = decision.checks.map((check) => ({ ...check, at: now }));
    if ((project as { phaseUnmapped?: boolean }).phaseUnmapped) {
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
      dueAt = nextBusinessWindow(now, timeZone, options.businessHour, holidays);
      const local = DateTime.fromJSDate(dueAt, { zone: timeZone }).toFormat("cccc yyyy-MM-dd HH:mm");
      checks.push({ check: 'business_window', result: 'info', reason: 'next_business_window', message: `Queued for ${local} ${timeZone}, the next business window.`, at: now });
    }

    const changeId = change.changeId ?? project.clioEtag ?? project.clioUpdatedAt?.toISOString() ?? 'unversioned';
    const idempotencyKey = notificationKey({ firmId: input.firmId, clioMatterId: change.clioMatterId, kind: change.kind, phase: change.phase, changeId });
    checks.push({ check: 'idempotency', result: 'info', reason: 'first_record', message: 'This change was recorded once under its idempotency key; a repeated record only counts in duplicates.', at: now });

    const state = STATE_FOR_OUTCOME[outcome];
    const template = selectTemplate(change.kind, change.phase, templates);
    const values = { projectName: project.description || project.displayNumber || `matter ${project.clioMatterId}`, phase: change.phase, previousPhase: change.previousPhase, firmName: firm?.name ?? input.firmId };
    const recipients = buildRecipients(choices, { state, reason, message, idempotencyKey, render: (clientName) => renderMessage(template, { ...values, clientName }) });

    const written = await Notification.updateOne(
      { idempotencyKey },
      {
        $setOnInsert: {
          // An id made here grows with each record of this process, which breaks ties between changes of equal changedAt.
          _id: new Types.ObjectId(),
          firmId: input.firmId, provider: 'clio', clioMatterId: change.clioMatterId, projectId: project._id, kind: change.kind,
          phase: change.phase, previousPhase: change.previousPhase, changeId, changedAt: change.changedAt ? new Date(change.changedAt) : now,
          idempotencyKey, state, dueAt, recipients, decision: { outcome, reason, message }, checks,
          context: { integrationStatus: input.integrationStatus, projectStatus: project.status, toggles, timeZone, businessHour: options.businessHour },
        },
      },
      { upsert: true },
    ).catch(rethrowUnlessDuplicate);

    if (!written || written.upsertedCount === 0) {
      await Notification.updateOne({ idempotencyKey }, { $inc: { duplicates: 1 } });
      result.duplicates += 1;
      continue;
    }
    result[state] += 1;
    if (change.kind === 'phase_change' && state !== 'suppressed') {
      result.superseded += await supersedeOlderChanges({ firmId: input.firmId, clioMatterId: change.clioMatterId, state, now });
    }
  }
  return result;
}

function stripNulls(toggles: { newProject?: boolean | null; phaseChange?: boolean | null } | null | undefined): Partial<NotificationToggles> {
  const stored: Partial<NotificationToggles> = {};
  if (typeof toggles?.newProject === 'boolean') stored.newProject = toggles.newProject;
  if (typeof toggles?.phaseChange === 'boolean') stored.phaseChange = toggles.phaseChange;
  return stored;
}

/** Returns null for E11000, which MongoDB raises on the losing upsert when two writers record one change at once. */
function rethrowUnlessDuplicate(error: unknown): null {
  if ((error as { code?: number }).code === 11000) {
    return null;
  }
  throw error;
}
