import { WorkflowUpdateFailedError, type WorkflowClient } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { integrationWorkflowId } from '../lib/integration-status';
import type { Logger } from '../lib/logger';
import {
  activateUpdate,
  clioAuthorizedSignal,
  deactivateUpdate,
  disconnectUpdate,
  syncAllUpdate,
  syncProjectUpdate,
  type ClioAuthorizedInput,
  type IntegrationWorkflowInput,
  type Requester,
  type SyncAllInput,
  type SyncProjectInput,
} from '../workflows/messages';
import { ERROR_CATALOGUE, isErrorCode } from './errors';
import type { GatewayRejection, GatewayResult, IntegrationGateway } from './integration-gateway';

/** Workflow type name the worker registers for the integration workflow. */
export const INTEGRATION_WORKFLOW_TYPE = 'integrationWorkflow';

/**
 * Turns an error from a Temporal call into a rejection. A missing or completed workflow means
 * the firm never connected Clio or has disconnected. An Update rejected by its validator carries
 * an ApplicationFailure whose `type` is a catalogue code and whose message is written for the
 * caller. Anything else means Temporal could not be reached or returned an unexpected error.
 */
export function toGatewayRejection(error: unknown): GatewayRejection | null {
  if (error instanceof WorkflowNotFoundError) {
    return { code: 'clio_not_connected', message: ERROR_CATALOGUE.clio_not_connected.message };
  }
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure) {
      const type = cause.type ?? '';
      const isClientError = isErrorCode(type) && ERROR_CATALOGUE[type].status < 500;
      return { code: isClientError ? type : 'request_rejected', message: cause.message || ERROR_CATALOGUE.request_rejected.message };
    }
    return { code: 'request_rejected', message: cause?.message || ERROR_CATALOGUE.request_rejected.message };
  }
  return null;
}

/** An IntegrationGateway that sends Signals and Updates to the firm's workflow through a Temporal client. */
export class TemporalGateway implements IntegrationGateway {
  constructor(
    private readonly client: WorkflowClient,
    private readonly taskQueue: string,
    private readonly logger: Logger,
  ) {}

  /**
   * Signal-with-start, so the first connect starts the workflow, a reconnect reaches the running
   * one, and no Clio authorization is lost between the two.
   */
  async connect(firmId: string, input: ClioAuthorizedInput): Promise<GatewayResult<void>> {
    const workflowInput: IntegrationWorkflowInput = { firmId };
    return this.call(firmId, 'connect', async () => {
      await this.client.signalWithStart(INTEGRATION_WORKFLOW_TYPE, {
        workflowId: integrationWorkflowId(firmId),
        taskQueue: this.taskQueue,
        args: [workflowInput],
        signal: clioAuthorizedSignal,
        signalArgs: [input],
      });
    });
  }

  activate(firmId: string, requester: Requester) {
    return this.call(firmId, 'activate', () => this.handle(firmId).executeUpdate(activateUpdate, { args: [requester] }));
  }

  deactivate(firmId: string, requester: Requester) {
    return this.call(firmId, 'deactivate', () => this.handle(firmId).executeUpdate(deactivateUpdate, { args: [requester] }));
  }

  syncAll(firmId: string, requester: SyncAllInput) {
    return this.call(firmId, 'syncAll', () => this.handle(firmId).executeUpdate(syncAllUpdate, { args: [requester] }));
  }

  syncProject(firmId: string, input: SyncProjectInput) {
    return this.call(firmId, 'syncProject', () => this.handle(firmId).executeUpdate(syncProjectUpdate, { args: [input] }));
  }

  disconnect(firmId: string, requester: Requester) {
    return this.call(firmId, 'disconnect', () => this.handle(firmId).executeUpdate(disconnectUpdate, { args: [requester] }));
  }

  private handle(firmId: string) {
    return this.client.getHandle(integrationWorkflowId(firmId));
  }

  private async call<T>(firmId: string, operation: string, send: () => Promise<T>): Promise<GatewayResult<T>> {
    try {
      return { ok: true, value: await send() };
    } catch (error) {
      const rejection = toGatewayRejection(error);
      if (rejection) {
        this.logger.info({ firmId, operation, errorCode: rejection.code }, 'integration workflow rejected a request');
        return { ok: false, rejection };
      }
      this.logger.error({ firmId, operation, err: error }, 'sending a message to the integration workflow failed');
      return { ok: false, rejection: { code: 'integration_unavailable', message: ERROR_CATALOGUE.integration_unavailable.message } };
    }
  }
}
