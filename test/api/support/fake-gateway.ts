import type { GatewayRejection, GatewayResult, IntegrationGateway } from '../../../api/integration-gateway';
import { Integration } from '../../../lib/models';
import type { ClioOptions } from '../../../lib/mapping';
import type { ClioAuthorizedInput, IntegrationState, MappingChangedInput, Requester, SyncAllInput, SyncAccepted, SyncProjectInput } from '../../../workflows/messages';

/** One message the app sent to the fake gateway. */
export interface GatewayCall {
  operation: keyof IntegrationGateway;
  firmId: string;
  input: unknown;
}

function stateOf(firmId: string, status: IntegrationState['status']): IntegrationState {
  return {
    firmId, status, statusBeforeReauthorization: null, region: 'us', clioUser: null, credentialVersion: 1,
    lastSyncAt: null, lastSyncRunId: null, nextSyncAt: null, currentSync: null, currentProgress: null, queuedSyncs: [], watermark: null, lastReconciledAt: null, revision: 1,
  };
}

/**
 * An IntegrationGateway that records every call. `connect` writes the integration read model as
 * the workflow would, so the OAuth callback's wait ends; `rejectNext` makes the next call fail.
 */
export class FakeGateway implements IntegrationGateway {
  readonly calls: GatewayCall[] = [];
  /** What fetchClioOptions returns, as the firm's Clio would. */
  clioOptions: ClioOptions = { practiceAreas: [], matterCustomFields: [] };
  private nextRejection: GatewayRejection | null = null;
  private syncCounter = 0;

  /** Makes the next call return this rejection, as a workflow's Update validator would. */
  rejectNext(rejection: GatewayRejection): void {
    this.nextRejection = rejection;
  }

  reset(): void {
    this.calls.length = 0;
    this.nextRejection = null;
  }

  async connect(firmId: string, input: ClioAuthorizedInput): Promise<GatewayResult<void>> {
    return this.record('connect', firmId, input, async () => {
      await Integration.updateOne(
        { firmId, provider: 'clio' },
        { $set: { status: 'connected_inactive', region: input.region, clioUser: input.clioUser, credentialVersion: input.credentialVersion } },
        { upsert: true },
      );
    });
  }

  activate(firmId: string, requester: Requester) {
    return this.record('activate', firmId, requester, async () => stateOf(firmId, 'active'));
  }

  deactivate(firmId: string, requester: Requester) {
    return this.record('deactivate', firmId, requester, async () => stateOf(firmId, 'connected_inactive'));
  }

  syncAll(firmId: string, requester: SyncAllInput) {
    return this.record('syncAll', firmId, requester, async (): Promise<SyncAccepted> => ({ syncRunId: `sync-${++this.syncCounter}`, joined: false }));
  }

  syncProject(firmId: string, input: SyncProjectInput) {
    return this.record('syncProject', firmId, input, async (): Promise<SyncAccepted> => ({ syncRunId: `sync-${++this.syncCounter}`, joined: false }));
  }

  disconnect(firmId: string, requester: Requester) {
    return this.record('disconnect', firmId, requester, async () => stateOf(firmId, 'not_connected'));
  }

  mappingChanged(firmId: string, input: MappingChangedInput) {
    return this.record('mappingChanged', firmId, input, async (): Promise<SyncAccepted> => ({ syncRunId: `sync-${++this.syncCounter}`, joined: false }));
  }

  fetchClioOptions(firmId: string) {
    return this.record('fetchClioOptions', firmId, null, async () => structuredClone(this.clioOptions));
  }

  private async record<T>(operation: keyof IntegrationGateway, firmId: string, input: unknown, act: () => Promise<T>): Promise<GatewayResult<T>> {
    this.calls.push({ operation, firmId, input });
    const rejection = this.nextRejection;
    if (rejection) {
      this.nextRejection = null;
      return { ok: false, rejection };
    }
    return { ok: true, value: await act() };
  }
}
