import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { integrationWorkflowId } from '../../lib/integration-status';
import * as m from '../../workflows/messages';
import { firmJitterSeconds } from '../../workflows/nightly-schedule';
import { createRecordingActivities } from '../support/recording-activities';
import { createTimeSkippingEnv, workflowBundle } from '../support/temporal-env';

const TIME_ZONE = 'America/New_York';
const DAY_MS = 24 * 60 * 60 * 1000;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});

const started: { terminate(reason: string): Promise<unknown> }[] = [];

afterEach(async () => {
  // A workflow left running would hold the test server's clock at its next timer.
  await Promise.all(started.splice(0).map((handle) => handle.terminate('test finished').catch(() => undefined)));
});

afterAll(async () => {
  await env?.teardown();
});

async function startFirm(firmId: string, taskQueue: string) {
  const handle = await env.client.workflow.signalWithStart('integrationWorkflow', {
    workflowId: integrationWorkflowId(firmId),
    taskQueue,
    args: [{ firmId }],
    signal: m.clioAuthorizedSignal,
    signalArgs: [{ credentialVersion: 1, region: 'us', clioUser: { id: 1, name: 'Avery Lawson' } }],
  });
  started.push(handle);
  return handle;
}

async function withWorker<T>(taskQueue: string, activities: object, body: () => Promise<T>): Promise<T> {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
  });
  return worker.runUntil(body);
}

/** Local dates (in the firm's zone) of the nightly runs among the recorded calls. */
function nightlyRunTimes(calls: { name: string; at: Date; args: unknown[] }[]): DateTime[] {
  return calls
    .filter((call) => call.name === 'recordSyncRequest' && (call.args[1] as m.SyncRequest).trigger === 'nightly')
    .map((call) => DateTime.fromJSDate(call.at, { zone: TIME_ZONE }));
}

test('connected inactive firm runs no nightly sync', async () => {
  const recorder = createRecordingActivities({ timeZone: TIME_ZONE });
  await withWorker('inactive-firm', recorder.activities, async () => {
    const handle = await startFirm('inactive-firm', 'inactive-firm');
    await env.sleep(3 * DAY_MS);
    const state = await handle.query(m.statusQuery);
    expect(state.status).toBe('connected_inactive');
    expect(state.nextSyncAt).toBeNull();
  });
  expect(recorder.calls.filter((call) => call.name === 'syncMatterPage')).toHaveLength(0);
});

test('active firm runs one sync each night at 02:00 plus jitter', async () => {
  const firmId = 'active-firm';
  const recorder = createRecordingActivities({ timeZone: TIME_ZONE });
  await withWorker(firmId, recorder.activities, async () => {
    const handle = await startFirm(firmId, firmId);
    const state = await handle.executeUpdate(m.activateUpdate, { args: [{}] });
    expect(state.status).toBe('active');
    await env.sleep(3 * DAY_MS);
  });
  const runs = nightlyRunTimes(recorder.calls);
  const jitterMinutes = firmJitterSeconds(firmId) / 60;
  expect(runs).toHaveLength(3);
  expect(new Set(runs.map((run) => run.toISODate())).size).toBe(3);
  for (const run of runs) {
    const minutesAfterTwo = (run.hour - 2) * 60 + run.minute + run.second / 60;
    expect(minutesAfterTwo).toBeGreaterThanOrEqual(jitterMinutes - 0.1);
    expect(minutesAfterTwo).toBeLessThan(jitterMinutes + 1);
  }
  expect(recorder.calls.filter((call) => call.name === 'syncMatterPage')).toHaveLength(3);
});

test('daylight saving change days get exactly one nightly run', async () => {
  const firmId = 'dst-firm';
  const recorder = createRecordingActivities({ timeZone: TIME_ZONE });
  await withWorker(firmId, recorder.activities, async () => {
    const handle = await startFirm(firmId, firmId);
    for (const [from, to] of [['2027-03-12', '2027-03-16'], ['2027-11-05', '2027-11-09']]) {
      const start = DateTime.fromISO(`${from}T12:00`, { zone: TIME_ZONE }).toMillis();
      await env.sleep(start - (await env.currentTimeMs()));
      await handle.executeUpdate(m.activateUpdate, { args: [{}] });
      const end = DateTime.fromISO(`${to}T12:00`, { zone: TIME_ZONE }).toMillis();
      await env.sleep(end - (await env.currentTimeMs()));
      await handle.executeUpdate(m.deactivateUpdate, { args: [{}] });
    }
  });
  const perDay = new Map<string, number>();
  for (const run of nightlyRunTimes(recorder.calls)) {
    perDay.set(run.toISODate() as string, (perDay.get(run.toISODate() as string) ?? 0) + 1);
  }
  expect(perDay.get('2027-03-14')).toBe(1);
  expect(perDay.get('2027-11-07')).toBe(1);
  expect([...perDay.keys()].sort()).toEqual(['2027-03-13', '2027-03-14', '2027-03-15', '2027-03-16', '2027-11-06', '2027-11-07', '2027-11-08', '2027-11-09']);
  expect([...perDay.values()].every((count) => count === 1)).toBe(true);
});
