import type { ClioOptions } from '../lib/mapping';
import type { ClioAuthorizedInput, IntegrationState, MappingChangedInput, Requester, SyncAllInput, SyncAccepted, SyncProjectInput } from '../workflows/messages';
import type { ErrorCode } from './errors';

/** Why the integration rejected or could not take a request: a catalogue code and a sentence for the caller. */
export interface GatewayRejection {
  code: ErrorCode;
  message: string;
}

/** The outcome of one message to a firm's integration workflow. */
export type GatewayResult<T> = { ok: true; value: T } | { ok: false; rejection: GatewayRejection };

/**
 * Sends messages to a firm's integration workflow. Request handlers depend on this interface
 * only, so tests can hand in a fake instead of a Temporal client.
 */
export interface IntegrationGateway {
  /** Starts the firm's workflow if none runs, and delivers the Clio authorization to it. */
  connect(firmId: string, input: ClioAuthorizedInput): Promise<GatewayResult<void>>;
  /** Switches the integration to Active: nightly syncs and client notifications start. */
  activate(firmId: string, requester: Requester): Promise<GatewayResult<IntegrationState>>;
  /** Switches the integration back to Connected, Inactive. */
  deactivate(firmId: string, requester: Requester): Promise<GatewayResult<IntegrationState>>;
  /** Requests a full sync of the firm's matters. */
  syncAll(firmId: string, requester: SyncAllInput): Promise<GatewayResult<SyncAccepted>>;
  /** Requests a sync of one matter's project. */
  syncProject(firmId: string, input: SyncProjectInput): Promise<GatewayResult<SyncAccepted>>;
  /** Revokes the Clio grant, deletes the tokens and ends the workflow. */
  disconnect(firmId: string, requester: Requester): Promise<GatewayResult<IntegrationState>>;
  /** Queues a re-derive of every project from its stored Clio snapshot after the mapping was saved. */
  mappingChanged(firmId: string, input: MappingChangedInput): Promise<GatewayResult<SyncAccepted>>;
  /** Reads the firm's practice areas, matter stages and matter custom fields from Clio through the worker. */
  fetchClioOptions(firmId: string): Promise<GatewayResult<ClioOptions>>;
}
