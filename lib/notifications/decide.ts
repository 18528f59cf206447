import type { IntegrationStatus } from '../integration-status';
import type { ClientNotificationKind } from '../models/notification';

/** Outcome of a client update: queued for the next business window, kept as a preview, or suppressed. */
export type NotificationOutcome = 'queue' | 'preview' | 'suppress';

/** The per-project switches of client updates; both are on unless a firm turns one off. */
export interface NotificationToggles {
  newProject: boolean;
  phaseChange: boolean;
}

/** One check behind a decision: `fail` blocks sending, `info` keeps a preview, `pass` allows sending. */
export interface DecisionCheck {
  check: 'integration' | 'project_status' | 'toggle' | 'mapping';
  result: 'pass' | 'fail' | 'info';
  reason: string;
  message: string;
}

/** The outcome, the snake_case reason that decided it with its sentence, and every check made. */
export interface NotificationDecision {
  outcome: NotificationOutcome;
  reason: string;
  message: string;
  checks: DecisionCheck[];
}

/** Inputs of a decision, as they are when the change is recorded or dispatched. */
export interface DecisionInput {
  integrationStatus: IntegrationStatus;
  projectToggles: NotificationToggles;
  /**
   * Project status: `archived` stops client updates, and so does `complete` when the Clio
   * matter is closed. A project complete by its final phase while its matter is open still
   * notifies its clients, because reaching that phase is news to them.
   */
  projectStatus: string;
  /** Flag that the Clio matter is Closed. Unknown counts as closed. */
  matterClosed?: boolean;
  kind: ClientNotificationKind;
  /** The phase a phase change moved to; a phase change the mapping left without a phase is not sent. */
  phase?: string | null;
}

const TOGGLE_OF: Record<ClientNotificationKind, { field: keyof NotificationToggles; label: string }> = {
  new_project: { field: 'newProject', label: 'new-project' },
  phase_change: { field: 'phaseChange', label: 'phase-change' },
};

function integrationCheck(status: IntegrationStatus): DecisionCheck {
  switch (status) {
    case 'active':
      return { check: 'integration', result: 'pass', reason: 'integration_active', message: 'The integration was Active, so client updates go out.' };
    case 'connected_inactive':
      return { check: 'integration', result: 'info', reason: 'integration_inactive', message: 'The integration was Connected, Inactive, so the update is kept as a preview and is never sent, even after activation.' };
    case 'reauthorization_required':
      return { check: 'integration', result: 'fail', reason: 'reauthorization_required', message: 'The integration required reauthorization, so no client updates go out until the firm reconnects Clio.' };
    case 'not_connected':
      return { check: 'integration', result: 'fail', reason: 'integration_not_connected', message: 'Clio was not connected, so no client updates go out.' };
  }
}

function projectStatusCheck(status: string, matterClosed: boolean | undefined): DecisionCheck {
  if (status === 'archived') {
    return { check: 'project_status', result: 'fail', reason: 'project_archived', message: 'The project was archived because its matter is gone from Clio, so no update is sent.' };
  }
  if (status === 'complete' && matterClosed === false) {
    return { check: 'project_status', result: 'pass', reason: 'project_final_phase', message: 'The project was complete because it reached its final phase, and its Clio matter was still open.' };
  }
  if (status === 'complete') {
    return { check: 'project_status', result: 'fail', reason: 'project_closed', message: 'The project was complete because its Clio matter is closed, so no update is sent.' };
  }
  return { check: 'project_status', result: 'pass', reason: 'project_open', message: `The project status was ${status}.` };
}

function toggleCheck(kind: ClientNotificationKind, toggles: NotificationToggles): DecisionCheck {
  const { field, label } = TOGGLE_OF[kind];
  if (!toggles[field]) {
    return {
      check: 'toggle', result: 'fail', reason: `toggle_${kind}_off`,
      message: `The project's ${label} toggle (notificationToggles.${field}) was off, so this ${label} update is not sent.`,
    };
  }
  return { check: 'toggle', result: 'pass', reason: `toggle_${kind}_on`, message: `The project's ${label} toggle (notificationToggles.${field}) was on.` };
}

function mappingCheck(kind: ClientNotificationKind, phase: string | null | undefined): DecisionCheck | null {
  if (kind !== 'phase_change') {
    return null;
  }
  if (!phase) {
    return { check: 'mapping', result: 'fail', reason: 'phase_unmapped', message: 'The field mapping gave the matter no phase, so there is no phase to announce.' };
  }
  return { check: 'mapping', result: 'pass', reason: 'phase_mapped', message: `The field mapping gave the phase "${phase}".` };
}

/**
 * Decides whether a client update is queued, kept as a preview or suppressed. Only an Active
 * integration queues, and Connected, Inactive keeps a preview. A blocked integration, an
 * archived project or one whose Clio matter is closed, a toggle that is off or a phase change without a phase
 * suppresses, and the reason names the first of these causes in that order. Every check is
 * returned, so an explanation can list each cause.
 */
export function decideNotification(input: DecisionInput): NotificationDecision {
  const integration = integrationCheck(input.integrationStatus);
  const mapping = mappingCheck(input.kind, input.phase);
  const checks = [integration, projectStatusCheck(input.projectStatus, input.matterClosed), toggleCheck(input.kind, input.projectToggles), ...(mapping ? [mapping] : [])];

  const blocking = checks.find((check) => check.result === 'fail');
  if (blocking) {
    return { outcome: 'suppress', reason: blocking.reason, message: blocking.message, checks };
  }
  const outcome = integration.result === 'info' ? 'preview' : 'queue';
  return { outcome, reason: integration.reason, message: integration.message, checks };
}

/** Returns whether a project's stored Clio snapshot reads Closed, or undefined when the snapshot has no status. */
export function matterClosedOf(project: { raw?: unknown }): boolean | undefined {
  const status = (project.raw as { status?: string } | null | undefined)?.status;
  return status === undefined ? undefined : status === 'Closed';
}
