import { randomBytes } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import pino from 'pino';
import { createActivities } from '../../activities';
import { FAILURE_TYPES } from '../../lib/failure-types';
import { CredentialStore } from '../../lib/credentials';
import { parseKeyring } from '../../lib/crypto';
import type { IntegrationStatus } from '../../lib/integration-status';
import { Credential, Integration, Project, SyncRun } from '../../lib/models';
import { initialState } from '../../workflows/integration-rules';
import { upsertProjects } from '../../activities/project-upsert';
import type { ClioMatter } from '../../lib/clio/types';
import { createSandbox } from '../../sandbox/server';
import { startTestDatabase } from '../support/database';
import { grantSandboxAccess } from '../support/sandbox-grant';

let database: Awaited<ReturnType<typeof startTestDatabase>>;
let sandbox: Awaited<ReturnType<typeof createSandbox>>;
let credentials: CredentialStore;
let activities: ReturnType<typeof createActivities>;
const activityEnv = new MockActivityEnvironment();

beforeAll(async () => {
  database = await startTestDatabase('activities');
  sandbox = await createSandbox({ port: 0, defaultAccount: { matters: 450, seed: 3 } });
  credentials = new CredentialStore({
    keyring: parseKeyring(`k1:${randomBytes(32).toString('base64')}`),
    app: { clientId: 'casebridge-dev', clientSecret: 'casebridge-dev-secret' },
    baseUrlFor: (region) => `${sandbox.url}/${region}`,
  });
  activities = createActivities({ credentials, baseUrlFor: (region) => `${sandbox.url}/${region}`, logger: pino({ level: 'silent' }) });
});

afterAll(async () => {
  await sandbox?.close();
  await database?.stop();
});

async function requests(): Promise<{ total: number; tokenEndpoint: Record<string, number> }> {
  return (await (await fetch(`${sandbox.url}/_admin/requests`)).json()) as { total: number; tokenEndpoint: Record<string, number> };
}

async function connectFirm(firmId: string): Promise<void> {
  await credentials.save(firmId, 'us', await grantSandboxAccess(sandbox.url));
}

async function fullSync(firmId: string, syncRunId: string): Promise<{ fetched: number; pages: number }> {
  await SyncRun.create({ _id: syncRunId, firmId, kind: 'full', trigger: 'manual', requestedAt: new Date() });
  let nextUrl: string | null = null;
  let fetched = 0;
  let pages = 0;
  do {
    const page: { fetched: number; nextUrl: string | null } = await activityEnv.run(activities.syncMatterPage, { firmId, syncRunId, nextUrl });
    fetched += page.fetched;
    pages += 1;
    nextUrl = page.nextUrl;
  } while (nextUrl);
  return { fetched, pages };
}

test('full sync pages follow the cursor and store each matter once', async () => {
  await connectFirm('paging-firm');
  const result = await fullSync('paging-firm', 'run-paging');
  expect(result).toEqual({ fetched: 450, pages: 3 });
  expect(await Project.countDocuments({ firmId: 'paging-firm' })).toBe(450);
  expect(await Project.distinct('clioMatterId', { firmId: 'paging-firm' })).toHaveLength(450);
  const run = await SyncRun.findById('run-paging').lean();
  expect(run?.counts?.created).toBe(450);
});

test('second full sync finds every project unchanged', async () => {
  const again = await fullSync('paging-firm', 'run-paging-again');
  expect(again.fetched).toBe(450);
  const run = await SyncRun.findById('run-paging-again').lean();
  expect(run?.counts?.unchanged).toBe(450);
  expect(run?.counts?.created).toBe(0);
});

test('stored project carries the mapped Clio fields and raw snapshot', async () => {
  const project = await Project.findOne({ firmId: 'paging-firm', 'raw.practice_area': { $ne: null }, 'raw.responsible_attorney': { $ne: null } }).lean();
  expect(project?.type).toEqual(expect.any(String));
  expect(project?.raw).toHaveProperty('id', project?.clioMatterId);
  expect(project?.clients[0]?.name).toEqual(expect.any(String));
  expect(project?.team[0]?.name).toEqual(expect.any(String));
});

test('concurrent upserts of one matter leave one project', async () => {
  const matter = (await Project.findOne({ firmId: 'paging-firm' }).lean())?.raw as ClioMatter;
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => upsertProjects({ firmId: 'race-firm', matters: [{ ...matter, etag: `"race-${i}"` }], syncRunId: `race-${i}` })));
  expect(results).toHaveLength(20);
  expect(await Project.countDocuments({ firmId: 'race-firm' })).toBe(1);
});

test('duplicate key on insert is retried as an update', async () => {
  const matter = (await Project.findOne({ firmId: 'paging-firm' }).lean())?.raw as ClioMatter;
  const conflicting = { ...matter, id: 987654321, etag: '"v1"' };
  // MongoDB returns E11000 to the losing upsert when two writers insert one key at once; the
  // local test server applies writes one at a time, so the race is staged: the rival insert
  // lands and the first bulk write reports the duplicate key, as MongoDB would.
  const spy = jest.spyOn(Project, 'bulkWrite').mockImplementationOnce(async () => {
    await Project.create({ firmId: 'dup-firm', provider: 'clio', clioMatterId: 987654321, clioEtag: '"v0"', status: 'in_progress', raw: {} });
    throw Object.assign(new Error('E11000 duplicate key error collection: projects'), { code: 11000 });
  });
  const counts = await upsertProjects({ firmId: 'dup-firm', matters: [conflicting], syncRunId: 'dup-run' });
  spy.mockRestore();
  expect(counts.updated).toBe(1);
  const stored = await Project.find({ firmId: 'dup-firm' }).lean();
  expect(stored).toHaveLength(1);
  expect(stored[0].clioEtag).toBe('"v1"');
});

test('expired token is refreshed once for concurrent callers', async () => {
  await connectFirm('refresh-firm');
  await Credential.updateOne({ firmId: 'refresh-firm' }, { $set: { accessTokenExpiresAt: new Date(Date.now() - 1000) } });
  const before = (await requests()).tokenEndpoint.refresh_token ?? 0;
  const tokens = await Promise.all(Array.from({ length: 5 }, () => credentials.accessToken('refresh-firm')));
  expect(new Set(tokens).size).toBe(1);
  expect(((await requests()).tokenEndpoint.refresh_token ?? 0) - before).toBe(1);
});

test('revoked grant fails the page as reauthorization required', async () => {
  await connectFirm('revoked-firm');
  const accounts = (await (await fetch(`${sandbox.url}/_admin/accounts`)).json()) as { accounts: { accountId: string }[] };
  await fetch(`${sandbox.url}/_admin/accounts/${accounts.accounts[0].accountId}/revoke`, { method: 'POST' });
  await fetch(`${sandbox.url}/_admin/requests/reset`, { method: 'POST' });
  await SyncRun.create({ _id: 'run-revoked', firmId: 'revoked-firm', kind: 'full', trigger: 'manual', requestedAt: new Date() });
  const attempt = activityEnv.run(activities.syncMatterPage, { firmId: 'revoked-firm', syncRunId: 'run-revoked', nextUrl: null });
  await expect(attempt).rejects.toMatchObject({ type: FAILURE_TYPES.reauthorizationRequired, nonRetryable: true });
  const counted = await requests();
  expect(counted.tokenEndpoint.refresh_token).toBe(1);
  expect(counted.total).toBe(2);
});

test('missing matter fails the project sync as not found', async () => {
  await connectFirm('missing-firm');
  await SyncRun.create({ _id: 'run-missing', firmId: 'missing-firm', kind: 'project', trigger: 'manual', clioMatterId: 1, requestedAt: new Date() });
  const attempt = activityEnv.run(activities.syncProject, { firmId: 'missing-firm', syncRunId: 'run-missing', matterId: 1 });
  await expect(attempt).rejects.toMatchObject({ type: FAILURE_TYPES.matterNotFound, nonRetryable: true });
});

test('read model takes a reconnected workflow over a newer revision', async () => {
  const firmId = 'reconnected-firm';
  const save = (status: IntegrationStatus, revision: number, workflowStartedAt?: string) => activities.saveIntegrationState({ ...initialState(firmId), status, revision, workflowStartedAt });
  const stored = async () => (await Integration.findOne({ firmId }).lean())?.status;
  const firstConnection = '2026-12-01T10:00:00.000Z';
  const secondConnection = '2026-12-03T10:00:00.000Z';

  await save('active', 14, firstConnection);
  await save('not_connected', 15, firstConnection);
  // The next connection's workflow counts its revisions from 1 again.
  await save('connected_inactive', 1, secondConnection);
  expect(await stored()).toBe('connected_inactive');

  // A late retry of the first workflow's write loses, whatever its revision.
  await save('active', 16, firstConnection);
  expect(await stored()).toBe('connected_inactive');

  await save('active', 3, secondConnection);
  await save('connected_inactive', 2, secondConnection);
  expect(await stored()).toBe('active');

  // A write scheduled by a workflow from before the start time was stored compares revisions only.
  await save('reauthorization_required', 2);
  expect(await stored()).toBe('active');
});
