import { Firm, Integration } from '../lib/models';
import { integrationWorkflowId } from '../lib/integration-status';
import type { IntegrationState } from '../workflows/messages';
import { clioApiFor, type ActivityDependencies } from './dependencies';
import { toActivityFailure } from './failures';
import { revokeGrant } from '../lib/clio/oauth';

/** Workflow state as the workflow writes it, with its start time (workflowInfo().startTime) as ISO text. */
export type SavedIntegrationState = IntegrationState & { workflowStartedAt?: string };

/** Builds the activities that keep the integrations read model and firm settings in step. */
export function createIntegrationStateActivities(deps: ActivityDependencies) {
  return {
    /**
     * Writes the workflow's state to the integrations read model. The guard drops a write that
     * arrives after a newer one, for example when an old activity attempt is retried late: newer
     * means a workflow started later, or the same workflow and a higher revision. The workflow
     * ends when the firm disconnects, and the next connection's workflow counts its revisions
     * from 1 again. A write without `workflowStartedAt`, scheduled by a workflow from before the
     * field, compares revisions only.
     */
    async saveIntegrationState(state: SavedIntegrationState): Promise<void> {
      const fields = {
        status: state.status,
        statusBeforeReauthorization: state.statusBeforeReauthorization,
        region: state.region,
        clioUser: state.clioUser,
        credentialVersion: state.credentialVersion,
        workflowId: integrationWorkflowId(state.firmId),
        lastSyncAt: state.lastSyncAt ? new Date(state.lastSyncAt) : null,
        lastSyncRunId: state.lastSyncRunId,
        nextSyncAt: state.nextSyncAt ? new Date(state.nextSyncAt) : null,
        revision: state.revision,
        ...(state.workflowStartedAt ? { workflowStartedAt: new Date(state.workflowStartedAt) } : {}),
      };
      const workflowStartedAt = state.workflowStartedAt ? new Date(state.workflowStartedAt) : null;
      const older = workflowStartedAt
        ? { $or: [{ workflowStartedAt: null }, { workflowStartedAt: { $lt: workflowStartedAt } }, { workflowStartedAt, revision: { $lt: state.revision } }] }
        : { revision: { $lt: state.revision } };
      const result = await Integration.updateOne({ firmId: state.firmId, provider: 'clio', ...older }, { $set: fields });
      if (result.matchedCount === 0) {
        await Integration.updateOne({ firmId: state.firmId, provider: 'clio' }, { $setOnInsert: fields }, { upsert: true });
      }
    },

    /** Returns the firm's IANA time zone for the nightly schedule. */
    async getFirmTimeZone(firmId: string): Promise<string> {
      const firm = await Firm.findById(firmId, { timeZone: 1 }).lean();
      return firm?.timeZone ?? 'America/New_York';
    },

    /** Revokes the firm's grant at Clio and deletes its tokens; a grant Clio already dropped counts as revoked. */
    async disconnectClio(firmId: string): Promise<void> {
      const stored = await deps.credentials.accessTokenForRevocation(firmId);
      if (stored) {
        try {
          await revokeGrant(deps.baseUrlFor(stored.region), stored.accessToken);
        } catch (error) {
          deps.logger.warn({ firmId, err: (error as Error).message }, 'Clio did not confirm the revocation; deleting the tokens anyway');
        }
      }
      await deps.credentials.remove(firmId);
    },

    /** Checks that Clio still accepts the firm's credentials, refreshing them when needed. */
    async checkClioCredentials(firmId: string): Promise<void> {
      try {
        const api = await clioApiFor(deps, firmId);
        await api.whoAmI();
      } catch (error) {
        throw toActivityFailure(error, `Checking the Clio credentials of firm ${firmId}`);
      }
    },
  };
}
