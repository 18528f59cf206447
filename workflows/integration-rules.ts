import { CLIO_REGIONS } from '../lib/integration-status';
import { rejection } from './failures';
import type { ClioAuthorizedInput, IntegrationState, SyncProjectInput } from './messages';

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
    queuedSyncs: [],
    revision: 0,
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

export function validateSyncAll(state: IntegrationState): void {
  requireWorkingConnection(state);
}

export function validateSyncProject(state: IntegrationState, input: SyncProjectInput): void {
  if (!input || !Number.isSafeInteger(input.matterId) || input.matterId < 1) {
    throw rejection('invalid_request', `matterId must be a positive integer Clio matter id, got ${JSON.stringify(input?.matterId)}`);
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
