import { WorkflowFailedError, type WorkflowClient } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, RetryState, TimeoutFailure, TimeoutType } from '@temporalio/common';
import pino from 'pino';
import { CLIO_OPTIONS_WORKFLOW_TYPE, TemporalGateway, toGatewayRejection } from '../../api/temporal-gateway';
import { mappingChangedUpdate } from '../../workflows/messages';
import { OPTIONS } from './fixtures';

const silent = pino({ level: 'silent' });

/** Builds the error of a Clio options workflow whose activity raised an ApplicationFailure of `type`. */
function failedOptionsRead(type: string): WorkflowFailedError {
  const activity = new ActivityFailure('activity failed', 'fetchClioOptions', '1', RetryState.NON_RETRYABLE_FAILURE, 'worker', ApplicationFailure.create({ type, message: 'Clio said no', nonRetryable: true }));
  return new WorkflowFailedError('Workflow execution failed', activity, RetryState.NON_RETRYABLE_FAILURE);
}

describe('toGatewayRejection for the Clio options workflow', () => {
  test.each([
    ['ClioNotConnected', 'clio_not_connected'],
    ['ClioReauthorizationRequired', 'reauthorization_required'],
    ['ClioRequestRejected', 'clio_request_failed'],
    ['ClioRateLimited', 'clio_request_failed'],
  ])('%s failure becomes %s', (type, code) => {
    expect(toGatewayRejection(failedOptionsRead(type))?.code).toBe(code);
  });

  test('timed-out workflow becomes clio_request_failed', () => {
    const timeout = new WorkflowFailedError('Workflow execution timed out', new TimeoutFailure('timed out', undefined, TimeoutType.START_TO_CLOSE), RetryState.TIMEOUT);

    expect(toGatewayRejection(timeout)).toEqual({ code: 'clio_request_failed', message: expect.stringMatching(/^Clio did not return/) });
  });
});

describe('TemporalGateway mapping calls', () => {
  test('fetchClioOptions runs the options workflow on the task queue', async () => {
    const execute = jest.fn().mockResolvedValue(OPTIONS);
    const gateway = new TemporalGateway({ execute } as unknown as WorkflowClient, 'integrations', silent);

    const result = await gateway.fetchClioOptions('acme');

    expect(result).toEqual({ ok: true, value: OPTIONS });
    const [workflowType, options] = execute.mock.calls[0];
    expect(workflowType).toBe(CLIO_OPTIONS_WORKFLOW_TYPE);
    expect(options.workflowId).toMatch(/^clio-options-acme-[0-9a-f-]{36}$/);
    expect(options.taskQueue).toBe('integrations');
    expect(options.args).toEqual([{ firmId: 'acme' }]);
  });

  test('fetchClioOptions reports a lost grant', async () => {
    const execute = jest.fn().mockRejectedValue(failedOptionsRead('ClioReauthorizationRequired'));
    const gateway = new TemporalGateway({ execute } as unknown as WorkflowClient, 'integrations', silent);

    const result = await gateway.fetchClioOptions('acme');

    expect(result).toEqual({ ok: false, rejection: { code: 'reauthorization_required', message: expect.stringMatching(/^Reconnect Clio first/) } });
  });

  test('mappingChanged sends the Update', async () => {
    const executeUpdate = jest.fn().mockResolvedValue({ syncRunId: 'run-1', joined: false });
    const getHandle = jest.fn().mockReturnValue({ executeUpdate });
    const gateway = new TemporalGateway({ getHandle } as unknown as WorkflowClient, 'integrations', silent);

    const result = await gateway.mappingChanged('acme', { requestedBy: 'staff:1', mappingVersion: 4 });

    expect(result).toEqual({ ok: true, value: { syncRunId: 'run-1', joined: false } });
    expect(getHandle).toHaveBeenCalledWith('integration-clio-acme');
    expect(executeUpdate).toHaveBeenCalledWith(mappingChangedUpdate, { args: [{ requestedBy: 'staff:1', mappingVersion: 4 }] });
  });
});
