import { ApplicationFailure } from '@temporalio/activity';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { FAILURE_TYPES } from '../../lib/failure-types';
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

const authorized = (version: number): m.ClioAuthorizedInput => ({ credentialVersion: version, region: 'us', clioUser: { id: 7, name: 'Avery Lawson' } });

async function startFirm(firmId: string) {
  const handle = await env.client.workflow.signalWithStart('integrationWorkflow', {
    workflowId: integrationWorkflowId(firmId),
    taskQueue: firmId,
    args: [{ firmId }],
    signal: m.clioAuthorizedSignal,
    signalArgs: [authorized(1)],
  });
  started.push(handle);
  return handle;
}

async function runWorker(firmId: string, activities: object, body: () => Promise<void>): Promise<void> {
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: firmId, workflowBundle: await workflowBundle(), activities });
  await worker.runUntil(async () => {
    await body();
    // Ending the workflows before the worker stops leaves it no task to wait for at shutdown.
    await Promise.all(started.map((handle) => handle.terminate('test finished').catch(() => undefined)));
  });
}

test('second full sync request joins the running one', async () => {
  const syncGate = createSyncGate();
  const recorder = createRecordingActivities({ timeZone: 'UTC', gate: syncGate.gate });
  await runWorker('join-firm', recorder.activities, async () => {
    const handle = await startFirm('join-firm');
    const first = await handle.executeUpdate(m.syncAllUpdate, { args: [{}] });
    await waitForState(handle, (state) => state.currentSync?.syncRunId === first.syncRunId);
    const second = await handle.executeUpdate(m.syncAllUpdate, { args: [{}] });
    expect(first.joined).toBe(false);
    expect(second.joined).toBe(true);
    expect(second.syncRunId).toBe(first.syncRunId);
    syncGate.release();
    await waitForState(handle, (state) => state.lastSyncRunId === first.syncRunId);
  });
  expect(recorder.calls.filter((call) => call.name === 'startSyncRun')).toHaveLength(1);
});

test('sync requests around continue-as-new are all served', async () => {
  const syncGate = createSyncGate();
  const recorder = createRecordingActivities({ timeZone: 'UTC', gate: syncGate.gate, pages: 2 });
  const matterIds = [101, 102, 103, 104, 105, 106];
  await runWorker('burst-firm', recorder.activities, async () => {
    const handle = await startFirm('burst-firm');
    await handle.executeUpdate(m.syncAllUpdate, { args: [{}] });
    for (const matterId of matterIds.slice(0, 3)) {
      await handle.signal(m.syncProjectSignal, { matterId });
    }
    syncGate.release();
    // These arrive while the workflow finishes the full sync and continues as new.
    for (const matterId of matterIds.slice(3)) {
      await handle.signal(m.syncProjectSignal, { matterId });
    }
    await waitForState(handle, (state) => state.queuedSyncs.length === 0 && state.currentSync === null
      && recorder.calls.filter((call) => call.name === 'syncProject').length === matterIds.length);
  });
  const synced = recorder.calls.filter((call) => call.name === 'syncProject').map((call) => (call.args[0] as { matterId: number }).matterId);
  expect(synced.sort()).toEqual(matterIds);
});

test('rejected credentials pause and reconnect resumes active', async () => {
  let clioRejects = false;
  const recorder = createRecordingActivities({
    timeZone: 'UTC',
    clioFailure: () => (clioRejects ? ApplicationFailure.create({ type: FAILURE_TYPES.reauthorizationRequired, message: 'Clio refused the refresh token', nonRetryable: true }) : null),
  });
  await runWorker('reauth-firm', recorder.activities, async () => {
    const handle = await startFirm('reauth-firm');
    await handle.executeUpdate(m.activateUpdate, { args: [{}] });
    clioRejects = true;
    await handle.executeUpdate(m.syncAllUpdate, { args: [{}] });
    const paused = await waitForState(handle, (state) => state.status === 'reauthorization_required');
    expect(paused.statusBeforeReauthorization).toBe('active');

    const rejected = handle.executeUpdate(m.syncProjectUpdate, { args: [{ matterId: 5 }] });
    await expect(rejected).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(rejected).rejects.toMatchObject({ cause: { type: 'reauthorization_required' } });

    clioRejects = false;
    const resumed = await handle.executeUpdate(m.clioAuthorizedUpdate, { args: [authorized(2)] });
    expect(resumed.status).toBe('active');
    await waitForState(handle, (state) => state.currentSync === null && state.queuedSyncs.length === 0 && state.lastSyncRunId !== null);
  });
  const triggers = recorder.calls.filter((call) => call.name === 'recordSyncRequest').map((call) => (call.args[1] as m.SyncRequest).trigger);
  expect(triggers).toEqual(['manual', 'catch_up']);
  const outcomes = recorder.calls.filter((call) => call.name === 'finishSyncRun').map((call) => (call.args[1] as { state: string }).state);
  expect(outcomes).toEqual(['failed', 'completed']);
});

test('reconnect never activates an inactive firm', async () => {
  let clioRejects = true;
  const recorder = createRecordingActivities({
    timeZone: 'UTC',
    clioFailure: () => (clioRejects ? ApplicationFailure.create({ type: FAILURE_TYPES.reauthorizationRequired, message: 'revoked', nonRetryable: true }) : null),
  });
  await runWorker('inactive-reauth-firm', recorder.activities, async () => {
    const handle = await startFirm('inactive-reauth-firm');
    await handle.executeUpdate(m.syncProjectUpdate, { args: [{ matterId: 9 }] });
    await waitForState(handle, (state) => state.status === 'reauthorization_required');
    clioRejects = false;
    const resumed = await handle.executeUpdate(m.clioAuthorizedUpdate, { args: [authorized(2)] });
    expect(resumed.status).toBe('connected_inactive');
  });
});

test('invalid signal is ignored and workflow keeps running', async () => {
  const recorder = createRecordingActivities({ timeZone: 'UTC' });
  await runWorker('bad-signal-firm', recorder.activities, async () => {
    const handle = await startFirm('bad-signal-firm');
    await handle.signal(m.syncProjectSignal, { matterId: -3 });
    await handle.signal(m.syncProjectSignal, { matterId: 'abc' as unknown as number });
    const state = await handle.executeUpdate(m.activateUpdate, { args: [{}] });
    expect(state.status).toBe('active');
    expect(state.queuedSyncs).toHaveLength(0);
    const description = await handle.describe();
    expect(description.status.name).toBe('RUNNING');
  });
});

test('invalid matter id update is rejected', async () => {
  const recorder = createRecordingActivities({ timeZone: 'UTC' });
  await runWorker('bad-update-firm', recorder.activities, async () => {
    const handle = await startFirm('bad-update-firm');
    const rejected = handle.executeUpdate(m.syncProjectUpdate, { args: [{ matterId: 0 }] });
    await expect(rejected).rejects.toMatchObject({ cause: { type: 'invalid_request' } });
  });
});

test('disconnect revokes credentials and completes', async () => {
  const recorder = createRecordingActivities({ timeZone: 'UTC' });
  await runWorker('disconnect-firm', recorder.activities, async () => {
    const handle = await startFirm('disconnect-firm');
    const state = await handle.executeUpdate(m.disconnectUpdate, { args: [{}] });
    expect(state.status).toBe('not_connected');
    await handle.result();
  });
  expect(recorder.calls.filter((call) => call.name === 'disconnectClio')).toHaveLength(1);
  expect(recorder.states.at(-1)?.status).toBe('not_connected');
});

test('activate update moves status and search attribute', async () => {
  const recorder = createRecordingActivities({ timeZone: 'UTC' });
  await runWorker('search-firm', recorder.activities, async () => {
    const handle = await startFirm('search-firm');
    await handle.executeUpdate(m.activateUpdate, { args: [{}] });
    await waitForState(handle, (state) => state.status === 'active');
    const description = await handle.describe();
    expect(description.typedSearchAttributes.getAll().find((pair) => pair.key.name === 'IntegrationStatus')?.value).toBe('active');
  });
  expect(recorder.states.map((state) => state.status)).toContain('active');
});
