import { randomBytes } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import pino from 'pino';
import { temporal } from '@temporalio/proto';
import { createActivities } from '../../activities';
import { CredentialStore } from '../../lib/credentials';
import { parseKeyring } from '../../lib/crypto';
import { integrationWorkflowId } from '../../lib/integration-status';
import { Firm, Project, SyncRun } from '../../lib/models';
import * as m from '../../workflows/messages';
import { createSandbox } from '../../sandbox/server';
import { startTestDatabase } from '../support/database';
import { grantSandboxAccess } from '../support/sandbox-grant';
import { createTimeSkippingEnv, workflowBundle } from '../support/temporal-env';
import { callSandboxAdmin } from '../support/http-clients';

const EventType = temporal.api.enums.v1.EventType;
let env: TestWorkflowEnvironment;
let database: Awaited<ReturnType<typeof startTestDatabase>>;
let sandbox: Awaited<ReturnType<typeof createSandbox>>;
let credentials: CredentialStore;
let worker: Worker;
let workerRun: Promise<void>;
const TASK_QUEUE = 'clio-sync';

const sandboxAdmin = (method: string, path: string, body?: unknown) => callSandboxAdmin(sandbox.url, method, path, body);

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  database = await startTestDatabase('sync-with-clio');
  sandbox = await createSandbox({ port: 0, defaultAccount: null });
  const baseUrlFor = (region: string) => `${sandbox.url}/${region}`;
  credentials = new CredentialStore({
    keyring: parseKeyring(`k1:${randomBytes(32).toString('base64')}`),
    app: { clientId: 'casebridge-dev', clientSecret: 'casebridge-dev-secret' },
    baseUrlFor,
  });
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: createActivities({ credentials, baseUrlFor, logger: pino({ level: 'silent' }) }),
  });
  workerRun = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await sandbox?.close();
  await database?.stop();
  await env?.teardown();
});

/** Creates a sandbox account of `matters` matters, connects a firm to it and starts its workflow. */
async function connectFirm(firmId: string, matters: number, region: 'us' | 'ca' = 'us') {
  const account = await sandboxAdmin('POST', '/accounts', { region, matters, seed: matters, name: firmId });
  await Firm.create({ _id: firmId, name: firmId, timeZone: 'America/Toronto' });
  const tokens = await grantSandboxAccess(sandbox.url, region, account.accountId);
  const credentialVersion = await credentials.save(firmId, region, tokens);
  const handle = await env.client.workflow.signalWithStart('integrationWorkflow', {
    workflowId: integrationWorkflowId(firmId),
    taskQueue: TASK_QUEUE,
    args: [{ firmId }],
    signal: m.clioAuthorizedSignal,
    signalArgs: [{ credentialVersion, region, clioUser: null }],
  });
  return { handle, accountId: account.accountId as string };
}

/** Requests a sync and waits, in skipped time, until its run record is finished. */
async function syncAndWait(handle: Awaited<ReturnType<typeof connectFirm>>['handle'], input: m.SyncAllInput) {
  const accepted = await handle.executeUpdate(m.syncAllUpdate, { args: [input] });
  for (;;) {
    const run = await SyncRun.findById(accepted.syncRunId).lean();
    if (run && (run.state === 'completed' || run.state === 'failed')) {
      return run;
    }
    await env.sleep(1000);
  }
}

test('full sync follows the cursor past 10,000 matters', async () => {
  const { handle } = await connectFirm('large-firm', 10_250);
  const run = await syncAndWait(handle, { mode: 'full' });
  expect(run.state).toBe('completed');
  expect(run.counts?.fetched).toBe(10_250);
  expect(run.pages).toBe(52);
  expect(run.expectedRecords).toBe(10_250);
  expect(await Project.countDocuments({ firmId: 'large-firm' })).toBe(10_250);
  expect(await Project.distinct('clioMatterId', { firmId: 'large-firm' })).toHaveLength(10_250);
  const state = await handle.query(m.statusQuery);
  expect(state.watermark).not.toBeNull();
});

test('incremental run reads only the changed matters', async () => {
  const { handle, accountId } = await connectFirm('changed-firm', 300);
  await syncAndWait(handle, { mode: 'full' });
  const touched = await sandboxAdmin('POST', `/accounts/${accountId}/matters/touch`, { count: 25 });
  await sandboxAdmin('POST', '/requests/reset');

  const run = await syncAndWait(handle, {});
  const requests = await sandboxAdmin('GET', '/requests');
  expect(run.kind).toBe('incremental');
  expect(run.counts?.fetched).toBe(25);
  expect(run.counts?.updated).toBe(25);
  expect(requests.total).toBeLessThanOrEqual(Math.ceil(25 / 200) + 3);
  const updated = await Project.find({ firmId: 'changed-firm', lastSyncRunId: run._id }, { clioMatterId: 1 }).lean();
  expect(updated.map((project) => project.clioMatterId).sort()).toEqual([...touched.matterIds].sort());
});

test('rate-limited page is fetched again after Retry-After', async () => {
  const { handle, accountId } = await connectFirm('limited-firm', 450);
  // Pages and contact batches alternate, so the fifth request is the third page.
  await sandboxAdmin('POST', `/accounts/${accountId}/faults`, { rateLimitStorm: { afterRequests: 4, count: 1, retryAfterSeconds: 7 } });
  const run = await syncAndWait(handle, { mode: 'full' });
  expect(run.state).toBe('completed');
  expect(run.rateLimited).toBe(1);
  expect(run.counts?.fetched).toBe(450);
  expect(await Project.countDocuments({ firmId: 'limited-firm' })).toBe(450);
  expect(await Project.distinct('clioMatterId', { firmId: 'limited-firm' })).toHaveLength(450);

  const child = env.client.workflow.getHandle(`sync-clio-limited-firm-${run._id}`);
  const { events } = await child.fetchHistory();
  const scheduled = (events ?? []).filter((event) => event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
  const started = (events ?? []).filter((event) => event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
  const third = started[2];
  expect(third.activityTaskStartedEventAttributes?.attempt).toBe(2);
  const seconds = (event: typeof third) => Number(event.eventTime?.seconds) + (event.eventTime?.nanos ?? 0) / 1e9;
  expect(seconds(third) - seconds(scheduled[2])).toBeGreaterThanOrEqual(7);
  expect((await handle.query(m.statusQuery)).status).toBe('connected_inactive');
});

test('expired access token is refreshed once for queued syncs', async () => {
  const { handle, accountId } = await connectFirm('expired-firm', 300);
  await sandboxAdmin('POST', `/accounts/${accountId}/expire-access-tokens`);
  await sandboxAdmin('POST', '/requests/reset');
  const project = handle.executeUpdate(m.syncProjectUpdate, { args: [{ matterId: (await sandboxAdmin('GET', '/accounts')).accounts.find((a: any) => a.accountId === accountId).firstMatterId }] });
  const full = await syncAndWait(handle, { mode: 'full' });
  const projectRun = await SyncRun.findById((await project).syncRunId).lean();
  const requests = await sandboxAdmin('GET', '/requests');
  expect(full.state).toBe('completed');
  expect(projectRun?.state).toBe('completed');
  expect(requests.tokenEndpoint.refresh_token).toBe(1);
  expect((await handle.query(m.statusQuery)).status).toBe('connected_inactive');
});

test('Canadian firm calls only the Canadian host', async () => {
  await sandboxAdmin('POST', '/requests/reset');
  const { handle, accountId } = await connectFirm('maple-firm', 300, 'ca');
  await sandboxAdmin('POST', `/accounts/${accountId}/expire-access-tokens`);
  const run = await syncAndWait(handle, { mode: 'full' });
  const requests = await sandboxAdmin('GET', '/requests');
  expect(run.state).toBe('completed');
  expect(Object.keys(requests.apiByRegion)).toEqual(['ca']);
  expect(requests.tokenEndpoint.refresh_token).toBe(1);
  expect(await Project.countDocuments({ firmId: 'maple-firm' })).toBe(300);

  const issued = await sandboxAdmin('GET', `/tokens?accountId=${accountId}`);
  const live = issued.accessTokens.find((entry: any) => entry.status === 'active');
  const usHost = await fetch(`${sandbox.url}/us/api/v4/users/who_am_i.json`, { headers: { authorization: `Bearer ${live.token}` } });
  expect(usHost.status).toBe(401);
});

test('deleted matter is archived then restored by reconciliation', async () => {
  const { handle, accountId } = await connectFirm('tidy-firm', 300);
  await syncAndWait(handle, { mode: 'full' });
  const victim = await Project.findOne({ firmId: 'tidy-firm' }).lean();
  const before = { type: victim?.type, clients: victim?.clients };
  await sandboxAdmin('DELETE', `/accounts/${accountId}/matters/${victim?.clioMatterId}`);

  const reconcile = await syncAndWait(handle, { mode: 'reconcile' });
  expect(reconcile.counts?.archived).toBe(1);
  expect((await Project.findById(victim?._id).lean())?.status).toBe('archived');
  expect(await Project.countDocuments({ firmId: 'tidy-firm', status: { $ne: 'archived' } })).toBe(299);

  await sandboxAdmin('POST', `/accounts/${accountId}/matters/${victim?.clioMatterId}/restore`);
  const again = await syncAndWait(handle, { mode: 'reconcile' });
  const restored = await Project.findById(victim?._id).lean();
  expect(again.counts?.restored).toBe(1);
  expect(restored?.status).not.toBe('archived');
  // Reconciliation reads ids only, so the fields it never asked for keep their stored values.
  expect(restored?.type).toBe(before.type);
  expect(restored?.clients).toEqual(before.clients);
});

test('picklist value and contact email reach the project', async () => {
  const project = await Project.findOne({ firmId: 'tidy-firm', 'customFields.fieldType': 'picklist', 'customFields.option': { $ne: null } }).lean();
  const picklist = project?.customFields.find((field) => field.fieldType === 'picklist' && field.option);
  expect(picklist?.option).toEqual(expect.any(String));
  expect(String(picklist?.value)).toMatch(/^\d+$/);
  const withEmail = await Project.findOne({ firmId: 'tidy-firm', 'clients.emails.0': { $exists: true } }).lean();
  expect(withEmail?.clients[0].emails[0]).toContain('@');
});
