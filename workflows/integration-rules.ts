import { CLIO_REGIONS } from '../lib/integration-status';
import { rejection } from './failures';
import type { ClioAuthorizedInput, IntegrationState, MappingChangedInput, SyncAllInput, SyncKind, SyncProjectInput } from './messages';

/**
 * Validators of the integration workflow's operations. Each throws the rejection an Update
 * caller receives; a Signal that fails one is logged and ignored. They never change state.
 */

/** Creates the state of a firm whose workflow has just started. */
export function initialState(firmId: string): IntegrationState {
  return {
    firmId,
    status: 'not_connected',
    statusBeforeReauthorization: null,
    region: null,
    clioUser: null,
    credentialVersion: 0,
    lastSyncAt: null,
    lastSyncRunId: null,
    nextSyncAt: null,
    currentSync: null,
    currentProgress: null,
    queuedSyncs: [],
    watermark: null,
    lastReconciledAt: null,
    revision: 0,
    nextDispatchAt: null,
    preflightCheckedFor: null,
  };
}

export function validateClioAuthorized(_state: IntegrationState, input: ClioAuthorizedInput): void {
  if (!input || !Number.isInteger(input.credentialVersion) || input.credentialVersion < 1) {
    throw rejection('invalid_request', `credentialVersion must be a positive integer, got ${JSON.stringify(input?.credentialVersion)}`);
  }
  if (!CLIO_REGIONS.includes(input.region)) {
    throw rejection('invalid_request', `region must be one of ${CLIO_REGIONS.join(', ')}, got ${JSON.stringify(input.region)}`);
  }
}

/** Staff may activate or deactivate any connected firm, also while it waits for reconnection. */
export function validateStaffToggle(state: IntegrationState): void {
  if (state.status === 'not_connected') {
    throw rejection('clio_not_connected', `Firm ${state.firmId} has not connected Clio; it can be activated once its admin connects`);
  }
}

export function validateSyncAll(state: IntegrationState, input?: SyncAllInput): void {
  if (input?.mode !== undefined && !['full', 'incremental', 'reconcile'].includes(input.mode)) {
    throw rejection('invalid_request', `mode must be full, incremental or reconcile, got ${JSON.stringify(input.mode)}`);
  }
  requireWorkingConnection(state);
}

/** Chooses the kind of a sync-all run: the requested mode, or incremental once a run set the watermark. */
export function syncAllKind(state: IntegrationState, input?: SyncAllInput): SyncKind {
  if (input?.mode === 'incremental' && state.watermark === null) {
    return 'full';
  }
  return input?.mode ?? (state.watermark === null ? 'full' : 'incremental');
}

/** Chooses the kind of a nightly run: full weekly, so deleted matters are noticed, incremental otherwise. */
export function nightlyKind(state: IntegrationState, now: Date): SyncKind {
  const weekMs = 7 * 24 * 60 * 60 * 1000;
  if (state.watermark === null || state.lastReconciledAt === null || now.getTime() - new Date(state.lastReconciledAt).getTime() >= weekMs) {
    return 'full';
  }
  return 'incremental';
}

export function validateSyncProject(state: IntegrationState, input: SyncProjectInput): void {
  if (!input || !Number.isSafeInteger(input.matterId) || input.matterId < 1) {
    throw rejection('invalid_request', `matterId must be a positive integer Clio matter id, got ${JSON.stringify(input?.matterId)}`);
  }
  requireWorkingConnection(state);
}

/**
 * Rejects a mapping change with an invalid version or without a working connection. A re-derive
 * needs no Clio request, but it queues with the syncs, which run only on a working connection.
 */
export function validateMappingChanged(state: IntegrationState, input?: MappingChangedInput): void {
  const version = input?.mappingVersion;
  if (version !== undefined && (!Number.isSafeInteger(version) || version < 1)) {
    throw rejection('invalid_request', `mappingVersion must be a positive integer, got ${JSON.stringify(version)}`);
  }
  requireWorkingConnection(state);
}

function requireWorkingConnection(state: IntegrationState): void {
  if (state.status === 'not_connected') {
    throw rejection('clio_not_connected', `Connect Clio first: firm ${state.firmId} has no Clio connection to sync from`);
  }
  if (state.status === 'reauthorization_required') {
    throw rejection('reauthorization_required', `Reconnect Clio first: Clio no longer accepts firm ${state.firmId}'s authorization, so syncing is paused`);
  }
}
