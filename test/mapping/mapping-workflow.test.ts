import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { integrationWorkflowId } from '../../lib/integration-status';
import * as m from '../../workflows/messages';
import { createRecordingActivities } from '../support/recording-activities';
import { createTimeSkippingEnv, workflowBundle } from '../support/temporal-env';
import { createSyncGate, waitForState } from '../support/polling';

let env: TestWorkflowEnvironment;
const started: { terminate(reason: string): Promise<unknown> }[] = [];

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((handle) => handle.terminate('test finished').catch(() => undefined)));
});

afterAll(async () => {
  await env?.teardown();
});

async function startFirm(firmId: string) {
  const handle = await env.client.workflow.signalWithStart('integrationWorkflow', {
    workflowId: integrationWorkflowId(firmId),
    taskQueue: firmId,
    args: [{ firmId }],
    signal: m.clioAuthorizedSignal,
    signalArgs: [{ credentialVersion: 1, region: 'us', clioUser: null }],
  });
  started.push(handle);
  return handle;
}

async function runWorker(firmId: string, activities: object, body: () => Promise<void>): Promise<void> {
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: firmId, workflowBundle: await workflowBundle(), activities });
  await worker.runUntil(body);
}

test('mappingChanged queues a rederive run', async () => {
  const recorder = createRecordingActivities({ timeZone: 'UTC' });
  await runWorker('remap-firm', recorder.activities, async () => {
    const handle = await startFirm('remap-firm');

    const accepted = await handle.executeUpdate(m.mappingChangedUpdate, { args: [{ requestedBy: 'firm_admin:1', mappingVersion: 2 }] });

    expect(accepted.joined).toBe(false);
    const state = await waitForState(handle, (current) => current.lastSyncRunId === accepted.syncRunId);
    expect(state.lastSyncAt).toBeNull();
  });
  const request = recorder.calls.find((call) => call.name === 'recordSyncRequest')?.args[1] as m.SyncRequest;
  expect(request.kind).toBe('rederive');
  expect(request.trigger).toBe('mapping_changed');
  expect(recorder.calls.filter((call) => call.name === 'rederiveProjects').map((call) => call.args)).toEqual([['remap-firm', request.syncRunId]]);
});

test('change during a rederive queues another that later changes join', async () => {
  const syncGate = createSyncGate();
  const recorder = createRecordingActivities({ timeZone: 'UTC', gate: syncGate.gate });
  await runWorker('busy-remap-firm', recorder.activities, async () => {
    const handle = await startFirm('busy-remap-firm');
    const first = await handle.executeUpdate(m.mappingChangedUpdate, { args: [{}] });
    await waitForState(handle, (state) => state.currentSync?.syncRunId === first.syncRunId);

    const second = await handle.executeUpdate(m.mappingChangedUpdate, { args: [{}] });
    const third = await handle.executeUpdate(m.mappingChangedUpdate, { args: [{}] });

    expect(second.joined).toBe(false);
    expect(second.syncRunId).not.toBe(first.syncRunId);
    expect(third).toEqual({ syncRunId: second.syncRunId, joined: true });
    syncGate.release();
    await waitForState(handle, (state) => state.lastSyncRunId === second.syncRunId && state.queuedSyncs.length === 0);
  });
  expect(recorder.calls.filter((call) => call.name === 'rederiveProjects')).toHaveLength(2);
});

test('mappingChanged signal from an operator queues a rederive', async () => {
  const recorder = createRecordingActivities({ timeZone: 'UTC' });
  await runWorker('signal-remap-firm', recorder.activities, async () => {
    const handle = await startFirm('signal-remap-firm');

    await handle.signal(m.mappingChangedSignal, { requestedBy: 'ops@casebridge.example' });

    await waitForState(handle, (state) => state.lastSyncRunId !== null && state.currentSync === null);
  });
  expect(recorder.calls.filter((call) => call.name === 'rederiveProjects')).toHaveLength(1);
});

test('invalid mapping version is rejected', async () => {
  const recorder = createRecordingActivities({ timeZone: 'UTC' });
  await runWorker('bad-remap-firm', recorder.activities, async () => {
    const handle = await startFirm('bad-remap-firm');

    const rejected = handle.executeUpdate(m.mappingChangedUpdate, { args: [{ mappingVersion: 0 }] });

    await expect(rejected).rejects.toMatchObject({ cause: { type: 'invalid_request' } });
  });
  expect(recorder.calls.filter((call) => call.name === 'rederiveProjects')).toHaveLength(0);
});
