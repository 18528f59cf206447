import { randomUUID } from 'node:crypto';
import { WorkflowFailedError, WorkflowUpdateFailedError, type WorkflowClient } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { FAILURE_TYPES } from '../lib/failure-types';
import { integrationWorkflowId } from '../lib/integration-status';
import type { Logger } from '../lib/logger';
import type { ClioOptions } from '../lib/mapping';
import type { FetchClioOptionsInput } from '../workflows/clio-options';
import {
  activateUpdate,
  clioAuthorizedSignal,
  deactivateUpdate,
  disconnectUpdate,
  mappingChangedUpdate,
  syncAllUpdate,
  syncProjectUpdate,
  type ClioAuthorizedInput,
  type IntegrationWorkflowInput,
  type MappingChangedInput,
  type Requester,
  type SyncAllInput,
  type SyncProjectInput,
} from '../workflows/messages';
import { FIRM_ID, PROVIDER } from '../workflows/search-attributes';
import { ERROR_CATALOGUE, isErrorCode, type ErrorCode } from './errors';
import type { GatewayRejection, GatewayResult, IntegrationGateway } from './integration-gateway';

/** Workflow type name the worker registers for the integration workflow. */
export const INTEGRATION_WORKFLOW_TYPE = 'integrationWorkflow';

/** Workflow type name of the short workflow that reads a firm's Clio options. */
export const CLIO_OPTIONS_WORKFLOW_TYPE = 'fetchClioOptionsWorkflow';

/** Maximum wait for the firm's Clio options; the activity makes at most three tries of at most 30 s each. */
const CLIO_OPTIONS_TIMEOUT = '2 minutes';

/** Returns the type of the innermost ApplicationFailure in a failure chain, such as activity failure inside workflow failure. */
function rootFailureType(error: Error): string | null {
  let type: string | null = null;
  for (let current: unknown = error; current instanceof Error; current = (current as { cause?: unknown }).cause) {
    if (current instanceof ApplicationFailure) {
      type = current.type ?? null;
    }
  }
  return type;
}

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
  if (error instanceof WorkflowFailedError) {
    // Only the Clio options workflow is awaited to its end; its failure comes from the Clio read.
    const type = rootFailureType(error);
    let code: ErrorCode = 'clio_request_failed';
    if (type === FAILURE_TYPES.clioNotConnected) {
      code = 'clio_not_connected';
    } else if (type === FAILURE_TYPES.reauthorizationRequired) {
      code = 'reauthorization_required';
    }
    return { code, message: ERROR_CATALOGUE[code].message };
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

  mappingChanged(firmId: string, input: MappingChangedInput) {
    return this.call(firmId, 'mappingChanged', () => this.handle(firmId).executeUpdate(mappingChangedUpdate, { args: [input] }));
  }

  /**
   * Runs the Clio options workflow on the integrations task queue and waits for its result, so
   * Clio is read by the worker, which has the firm's tokens.
   */
  fetchClioOptions(firmId: string): Promise<GatewayResult<ClioOptions>> {
    const input: FetchClioOptionsInput = { firmId };
    return this.call(firmId, 'fetchClioOptions', () => this.client.execute(CLIO_OPTIONS_WORKFLOW_TYPE, {
      workflowId: `clio-options-${firmId}-${randomUUID()}`,
      taskQueue: this.taskQueue,
      args: [input],
      workflowExecutionTimeout: CLIO_OPTIONS_TIMEOUT,
      typedSearchAttributes: [{ key: FIRM_ID, value: firmId }, { key: PROVIDER, value: 'clio' }],
    }) as Promise<ClioOptions>);
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
