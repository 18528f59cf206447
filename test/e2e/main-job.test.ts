import { spawnSync } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { createApiToken, createFirm, createSignInLink, createUser } from '../../lib/auth';
import { connectDatabase, disconnectDatabase } from '../../lib/db';
import { integrationWorkflowId } from '../../lib/integration-status';
import { Credential, Project } from '../../lib/models';
import { TEMPORAL_CLI } from '../../scripts/stack/temporal';
import { Browser, connectClio } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { callApi, callSandboxAdmin } from '../support/http-clients';
import { eventually } from '../support/polling';

const FIRM = 'hartley-law';
let stack: TestStack;
let adminToken: string;
let staffToken: string;
let temporal: Client;

const sandboxAdmin = (method: string, path: string, body?: unknown) => callSandboxAdmin(stack.sandboxUrl, method, path, body);

beforeAll(async () => {
  stack = await startTestStack();
  await connectDatabase(stack.mongoUrl);
  await createFirm({ id: FIRM, name: 'Hartley Law LLP', timeZone: 'America/Chicago' });
  await createUser({ email: 'admin@hartley.example', name: 'Hana Hartley', role: 'firm_admin', firmId: FIRM });
  await createUser({ email: 'staff@casebridge.example', name: 'Sam Staff', role: 'staff' });
  adminToken = (await createApiToken({ email: 'admin@hartley.example' })).token;
  staffToken = (await createApiToken({ email: 'staff@casebridge.example' })).token;
  temporal = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
}, 240_000);

afterAll(async () => {
  await temporal?.connection.close();
  await disconnectDatabase();
  await stack?.stop();
});

const api = (method: string, path: string, token: string, body?: unknown) => callApi(stack.apiUrl, token, method, path, body);
const integration = () => api('GET', `/api/firms/${FIRM}/integrations/clio`, adminToken);
const syncRun = (id: string) => api('GET', `/api/firms/${FIRM}/sync-runs/${id}`, adminToken);
const finished = (run: { body: any }) => ['completed', 'failed'].includes(run.body?.state);

async function signInAsAdmin(): Promise<Browser> {
  const browser = new Browser();
  const link = await createSignInLink({ email: 'admin@hartley.example', publicUrl: stack.apiUrl });
  const response = await browser.get(link.url);
  expect(response.status).toBe(302);
  return browser;
}

describe('main job end to end', () => {
  let matterId: number;

  test('sync before connecting asks to connect Clio first', async () => {
    const response = await api('POST', `/api/firms/${FIRM}/integrations/clio/sync`, adminToken, {});
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('clio_not_connected');
    const workflows = temporal.workflow.list({ query: `WorkflowId = '${integrationWorkflowId(FIRM)}'` });
    let count = 0;
    for await (const _ of workflows) count += 1;
    expect(count).toBe(0);
  });

  test('connect through consent page shows Connected, Inactive', async () => {
    const browser = await signInAsAdmin();
    const page = await connectClio(browser, stack.apiUrl, FIRM, 'allow');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Connected, Inactive');
    const status = await integration();
    expect(status.body.status).toBe('connected_inactive');
    expect(status.body.label).toBe('Connected, Inactive');
    expect(status.body.clioUser?.name).toBeTruthy();
  });

  test('manual project sync stores one matter with its details', async () => {
    const accounts = await sandboxAdmin('GET', '/accounts');
    matterId = accounts.accounts[0].firstMatterId + 4;
    const accepted = await api('POST', `/api/firms/${FIRM}/projects/sync`, adminToken, { matterId });
    expect(accepted.status).toBe(202);
    const run = await eventually(() => syncRun(accepted.body.syncRunId), finished);
    expect(run.body.state).toBe('completed');
    const project = await api('GET', `/api/firms/${FIRM}/projects/${matterId}`, adminToken);
    expect(project.status).toBe(200);
    expect(project.body.type).toEqual(expect.any(String));
    expect(project.body.phase === null || typeof project.body.phase === 'string').toBe(true);
    expect(project.body.clients[0].name).toEqual(expect.any(String));
    expect(project.body.team[0].name).toEqual(expect.any(String));
    expect(await Project.countDocuments({ firmId: FIRM })).toBe(1);
  });

  test('staff activation then full sync stores 300 matters once', async () => {
    const forbidden = await api('POST', `/api/firms/${FIRM}/integrations/clio/activate`, adminToken, {});
    expect(forbidden.status).toBe(403);
    const activated = await api('POST', `/api/firms/${FIRM}/integrations/clio/activate`, staffToken, {});
    expect(activated.status).toBe(200);
    expect((await integration()).body.status).toBe('active');

    const accepted = await api('POST', `/api/firms/${FIRM}/integrations/clio/sync`, adminToken, {});
    expect(accepted.status).toBe(202);
    const run = await eventually(() => syncRun(accepted.body.syncRunId), finished, 120_000);
    expect(run.body.state).toBe('completed');
    expect(run.body.counts.fetched).toBe(300);
    expect(await Project.countDocuments({ firmId: FIRM })).toBe(300);
    const distinct = await Project.distinct('clioMatterId', { firmId: FIRM });
    expect(distinct).toHaveLength(300);
  });

  test('temporal CLI lists the active firm by search attribute', () => {
    const result = spawnSync(TEMPORAL_CLI, ['workflow', 'list', '--address', stack.temporalAddress, '--query', "IntegrationStatus='active'", '--output', 'json'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(integrationWorkflowId(FIRM));
  });

  test('temporal CLI activate signal activates like the API', async () => {
    const secondFirm = 'ortega-law';
    await createFirm({ id: secondFirm, name: 'Ortega Law', timeZone: 'America/Denver' });
    await createUser({ email: 'admin@ortega.example', name: 'Olga Ortega', role: 'firm_admin', firmId: secondFirm });
    const browser = new Browser();
    const link = await createSignInLink({ email: 'admin@ortega.example', publicUrl: stack.apiUrl });
    await browser.get(link.url);
    await connectClio(browser, stack.apiUrl, secondFirm, 'allow');
    const ortegaToken = (await createApiToken({ email: 'admin@ortega.example' })).token;
    expect((await api('GET', `/api/firms/${secondFirm}/integrations/clio`, ortegaToken)).body.status).toBe('connected_inactive');

    const result = spawnSync(TEMPORAL_CLI, ['workflow', 'signal', '--address', stack.temporalAddress, '--workflow-id', integrationWorkflowId(secondFirm), '--name', 'activate', '--input', '{"requestedBy":"ops@casebridge.example"}'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const status = await eventually(() => api('GET', `/api/firms/${secondFirm}/integrations/clio`, ortegaToken), (response) => response.body.status === 'active');
    expect(status.body.label).toBe('Active');
    expect(status.body.nextSyncAt).toEqual(expect.any(String));
  });

  test('revoked grant pauses the integration without a retry loop', async () => {
    const accounts = await sandboxAdmin('GET', '/accounts');
    await sandboxAdmin('POST', `/accounts/${accounts.accounts[0].accountId}/revoke`);
    await sandboxAdmin('POST', '/requests/reset');
    const accepted = await api('POST', `/api/firms/${FIRM}/integrations/clio/sync`, adminToken, {});
    expect(accepted.status).toBe(202);
    const paused = await eventually(integration, (status) => status.body.status === 'reauthorization_required');
    expect(paused.body.label).toBe('Reauthorization required');
    const run = await eventually(() => syncRun(accepted.body.syncRunId), finished);
    expect(run.body.state).toBe('failed');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const requests = await sandboxAdmin('GET', '/requests');
    const tokenCalls = Object.values(requests.tokenEndpoint as Record<string, number>).reduce((sum, count) => sum + count, 0);
    expect(tokenCalls).toBeLessThanOrEqual(2);
    expect(requests.total).toBeLessThanOrEqual(4);
    const rejected = await api('POST', `/api/firms/${FIRM}/projects/sync`, adminToken, { matterId });
    expect(rejected.status).toBe(409);
    expect(rejected.body.error.code).toBe('reauthorization_required');
  });

  test('reconnect restores active and catches up on changes', async () => {
    const accounts = await sandboxAdmin('GET', '/accounts');
    const touched = await sandboxAdmin('POST', `/accounts/${accounts.accounts[0].accountId}/matters/touch`, { count: 3 });
    expect(touched.matterIds).toHaveLength(3);

    const browser = await signInAsAdmin();
    const page = await connectClio(browser, stack.apiUrl, FIRM, 'allow');
    expect(page.status).toBe(200);
    const resumed = await integration();
    expect(resumed.body.status).toBe('active');
    const runs = await eventually(
      () => api('GET', `/api/firms/${FIRM}/sync-runs?limit=5`, adminToken),
      (list) => list.body.syncRuns.some((run: any) => run.trigger === 'catch_up' && run.state === 'completed'),
      120_000,
    );
    const catchUp = runs.body.syncRuns.find((run: any) => run.trigger === 'catch_up');
    expect(catchUp.kind).toBe('incremental');
    expect(catchUp.counts.fetched).toBe(3);
    expect(catchUp.counts.updated).toBe(3);
    expect(await Project.countDocuments({ firmId: FIRM })).toBe(300);
  });

  test('histories and credentials hold no token in plain text', async () => {
    const issued = await sandboxAdmin('GET', '/tokens');
    const secrets: string[] = [...issued.accessTokens, ...issued.refreshTokens].map((entry: { token: string }) => entry.token);
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const histories: string[] = [];
    for await (const workflow of temporal.workflow.list({ query: `FirmId = '${FIRM}'` })) {
      const history = await temporal.workflow.getHandle(workflow.workflowId, workflow.runId).fetchHistory();
      histories.push(JSON.stringify(history));
    }
    // The integration workflow's runs plus the sync child workflows, which carry FirmId too.
    expect(histories.length).toBeGreaterThan(3);
    const stored = JSON.stringify(await Credential.find({}).lean());
    const dump = JSON.stringify(await mongoose.connection.db!.collection('integrations').find({}).toArray());
    for (const secret of secrets) {
      for (const history of histories) {
        expect(history.includes(secret)).toBe(false);
      }
      expect(stored.includes(secret)).toBe(false);
      expect(dump.includes(secret)).toBe(false);
    }
    expect(stored).toContain('ciphertext');
  });
});
