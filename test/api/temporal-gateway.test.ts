import { WorkflowUpdateFailedError, type WorkflowClient } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import pino from 'pino';
import { TemporalGateway, toGatewayRejection } from '../../api/temporal-gateway';
import { activateUpdate, clioAuthorizedSignal, syncProjectUpdate } from '../../workflows/messages';

const silent = pino({ level: 'silent' });

function validatorRejection(type: string, message: string): WorkflowUpdateFailedError {
  return new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, nonRetryable: true }));
}

describe('toGatewayRejection', () => {
  test('missing workflow means Clio is not connected', () => {
    const rejection = toGatewayRejection(new WorkflowNotFoundError('workflow execution already completed', 'integration-clio-acme', undefined));

    expect(rejection?.code).toBe('clio_not_connected');
    expect(rejection?.message).toMatch(/^Connect Clio first/);
  });

  test('validator rejection keeps type and message', () => {
    const rejection = toGatewayRejection(validatorRejection('reauthorization_required', 'Reconnect Clio first: syncing is paused.'));

    expect(rejection).toEqual({ code: 'reauthorization_required', message: 'Reconnect Clio first: syncing is paused.' });
  });

  test('invalid_request from the workflow stays 400-coded', () => {
    const rejection = toGatewayRejection(validatorRejection('invalid_request', 'Matter 0 is not a valid Clio matter id.'));

    expect(rejection?.code).toBe('invalid_request');
  });

  test('unknown failure type becomes request_rejected', () => {
    const rejection = toGatewayRejection(validatorRejection('SomethingElse', 'The integration is busy.'));

    expect(rejection).toEqual({ code: 'request_rejected', message: 'The integration is busy.' });
  });

  test('a server-error code from the workflow is not passed through', () => {
    const rejection = toGatewayRejection(validatorRejection('internal_error', 'boom'));

    expect(rejection?.code).toBe('request_rejected');
  });

  test('other errors are not rejections', () => {
    expect(toGatewayRejection(new Error('connection refused'))).toBeNull();
  });
});

describe('TemporalGateway', () => {
  function stubClient(executeUpdate: jest.Mock) {
    const signalWithStart = jest.fn().mockResolvedValue({});
    const getHandle = jest.fn().mockReturnValue({ executeUpdate });
    return { client: { signalWithStart, getHandle } as unknown as WorkflowClient, signalWithStart, getHandle };
  }

  test('connect uses signal-with-start', async () => {
    const { client, signalWithStart } = stubClient(jest.fn());
    const gateway = new TemporalGateway(client, 'integrations', silent);
    const input = { credentialVersion: 2, region: 'us' as const, clioUser: { id: 1, name: 'Pat' } };

    const result = await gateway.connect('acme', input);

    expect(result.ok).toBe(true);
    expect(signalWithStart).toHaveBeenCalledWith('integrationWorkflow', {
      workflowId: 'integration-clio-acme',
      taskQueue: 'integrations',
      args: [{ firmId: 'acme' }],
      signal: clioAuthorizedSignal,
      signalArgs: [input],
    });
  });

  test('activate executes the update on the firm workflow', async () => {
    const executeUpdate = jest.fn().mockResolvedValue({ status: 'active' });
    const { client, getHandle } = stubClient(executeUpdate);
    const gateway = new TemporalGateway(client, 'integrations', silent);

    const result = await gateway.activate('acme', { requestedBy: 'staff:1' });

    expect(result).toEqual({ ok: true, value: { status: 'active' } });
    expect(getHandle).toHaveBeenCalledWith('integration-clio-acme');
    expect(executeUpdate).toHaveBeenCalledWith(activateUpdate, { args: [{ requestedBy: 'staff:1' }] });
  });

  test('syncProject passes the matter id', async () => {
    const executeUpdate = jest.fn().mockResolvedValue({ syncRunId: 'r1', joined: true });
    const { client } = stubClient(executeUpdate);
    const gateway = new TemporalGateway(client, 'integrations', silent);

    await gateway.syncProject('acme', { matterId: 12 });

    expect(executeUpdate).toHaveBeenCalledWith(syncProjectUpdate, { args: [{ matterId: 12 }] });
  });

  test('a validator rejection is returned, not thrown', async () => {
    const executeUpdate = jest.fn().mockRejectedValue(validatorRejection('clio_not_connected', 'Connect Clio first: disconnected.'));
    const gateway = new TemporalGateway(stubClient(executeUpdate).client, 'integrations', silent);

    const result = await gateway.syncAll('acme', {});

    expect(result).toEqual({ ok: false, rejection: { code: 'clio_not_connected', message: 'Connect Clio first: disconnected.' } });
  });

  test('an unreachable server is integration_unavailable', async () => {
    const executeUpdate = jest.fn().mockRejectedValue(new Error('14 UNAVAILABLE: connection refused'));
    const gateway = new TemporalGateway(stubClient(executeUpdate).client, 'integrations', silent);

    const result = await gateway.disconnect('acme', {});

    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.rejection.code).toBe('integration_unavailable');
  });
});
