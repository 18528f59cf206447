import { randomBytes } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import pino from 'pino';
import { createActivities } from '../../activities';
import type { RederiveProgress } from '../../activities/mapping-rederive';
import type { MatterPageResult } from '../../activities/sync-matters';
import { CredentialStore } from '../../lib/credentials';
import { parseKeyring } from '../../lib/crypto';
import type { ClioOptions, MappingRules } from '../../lib/mapping';
import { Project, SyncRun } from '../../lib/models';
import { saveFirmMapping } from '../../lib/models/mapping';
import { createSandbox } from '../../sandbox/server';
import { startTestDatabase } from '../support/database';
import { grantSandboxAccess } from '../support/sandbox-grant';
import { callSandboxAdmin } from '../support/http-clients';

let database: Awaited<ReturnType<typeof startTestDatabase>>;
let sandbox: Awaited<ReturnType<typeof createSandbox>>;
let credentials: CredentialStore;
let activities: ReturnType<typeof createActivities>;
const activityEnv = new MockActivityEnvironment();

const sandboxAdmin = (method: string, path: string, body?: unknown) => callSandboxAdmin(sandbox.url, method, path, body);

beforeAll(async () => {
  database = await startTestDatabase('mapping-activities');
  sandbox = await createSandbox({ port: 0, defaultAccount: null });
  const baseUrlFor = (region: string) => `${sandbox.url}/${region}`;
  credentials = new CredentialStore({
    keyring: parseKeyring(`k1:${randomBytes(32).toString('base64')}`),
    app: { clientId: 'casebridge-dev', clientSecret: 'casebridge-dev-secret' },
    baseUrlFor,
  });
  activities = createActivities({ credentials, baseUrlFor, logger: pino({ level: 'silent' }) });
});

afterAll(async () => {
  await sandbox?.close();
  await database?.stop();
});

const apiRequests = async (): Promise<number> => (await sandboxAdmin('GET', '/requests')).total;

/** Creates a sandbox account of `matters` matters and stores the firm's tokens for it. */
async function connectFirm(firmId: string, matters: number, seed: number): Promise<{ accountId: number }> {
  const account = await sandboxAdmin('POST', '/accounts', { matters, seed, name: firmId });
  await credentials.save(firmId, 'us', await grantSandboxAccess(sandbox.url, 'us', String(account.accountId)));
  return { accountId: account.accountId };
}

async function fullSync(firmId: string, syncRunId: string): Promise<void> {
  await SyncRun.create({ _id: syncRunId, firmId, kind: 'full', trigger: 'manual', requestedAt: new Date() });
  let nextUrl: string | null = null;
  do {
    const page: { nextUrl: string | null } = await activityEnv.run(activities.syncMatterPage, { firmId, syncRunId, nextUrl });
    nextUrl = page.nextUrl;
  } while (nextUrl);
}

async function syncOne(firmId: string, matterId: number, syncRunId: string): Promise<MatterPageResult> {
  await SyncRun.create({ _id: syncRunId, firmId, kind: 'project', trigger: 'manual', clioMatterId: matterId, requestedAt: new Date() });
  return activityEnv.run(activities.syncProject, { firmId, syncRunId, matterId });
}

async function rederive(firmId: string, syncRunId: string, environment = activityEnv): Promise<RederiveProgress> {
  await SyncRun.create({ _id: syncRunId, firmId, kind: 'rederive', trigger: 'mapping_changed', requestedAt: new Date() });
  return environment.run(activities.rederiveProjects, firmId, syncRunId);
}

/** Returns the first practice area with at least five stages, so one of its stages can stay unmapped. */
function mappedArea(options: ClioOptions) {
  const area = options.practiceAreas.find((candidate) => candidate.stages.length >= 5);
  if (!area) {
    throw new Error('The sandbox account has no practice area with five stages');
  }
  return area;
}

/** Maps one practice area: its first stage is phase 0, the next two are in progress, the last is final, and the fourth stays unmapped. */
function areaMapping(options: ClioOptions): MappingRules {
  const area = mappedArea(options);
  const stages = area.stages.map((stage) => stage.id);
  return {
    phaseSource: { kind: 'matter_stage' },
    syncFlagFieldId: null,
    team: { primaryContact: 'responsible_staff', includeResponsibleStaff: true },
    projectTypes: [{
      name: `${area.name} matters`,
      practiceAreaId: area.id,
      phases: [
        { name: 'Starting', kind: 'not_started', clioValues: [stages[0]] },
        { name: 'Under way', kind: 'in_progress', clioValues: [stages[1], stages[2]] },
        { name: 'Finished', kind: 'final', clioValues: [stages[stages.length - 1]] },
      ],
    }],
  };
}

describe('mapping activities against the sandbox', () => {
  const firmId = 'mapped-firm';
  let accountId: number;
  let options: ClioOptions;

  beforeAll(async () => {
    ({ accountId } = await connectFirm(firmId, 300, 11));
    await fullSync(firmId, 'mapped-full');
  });

  test('fetchClioOptions reads three listings', async () => {
    const before = await apiRequests();

    options = await activityEnv.run(activities.fetchClioOptions, firmId);

    expect(await apiRequests() - before).toBe(3);
    expect(options.practiceAreas.length).toBeGreaterThanOrEqual(4);
    expect(mappedArea(options).stages.length).toBeGreaterThanOrEqual(5);
    const casePhase = options.matterCustomFields.find((field) => field.name === 'Case phase');
    expect(casePhase?.fieldType).toBe('picklist');
    expect(casePhase?.picklistOptions.some((option) => option.deleted)).toBe(true);
    expect(options.matterCustomFields.find((field) => field.name === 'Sync to client app')?.fieldType).toBe('checkbox');
    expect(options.matterCustomFields.some((field) => field.name === 'Legacy intake code')).toBe(false);
  });

  test('fetchClioOptions fails for a firm without credentials', async () => {
    await expect(activityEnv.run(activities.fetchClioOptions, 'stranger-firm')).rejects.toMatchObject({ type: 'ClioNotConnected', nonRetryable: true });
  });

  test('rederive maps 300 projects without a Clio request', async () => {
    const mapping = await saveFirmMapping(firmId, areaMapping(options), 'staff:test');
    const before = await apiRequests();

    const progress = await rederive(firmId, 'mapped-rederive-1');

    expect(await apiRequests()).toBe(before);
    expect(progress.fetched).toBe(300);
    expect(progress.pages).toBe(2);
    const run = await SyncRun.findById('mapped-rederive-1').lean();
    expect(run?.counts?.fetched).toBe(300);
    expect(run?.counts?.updated).toBe(300);
    expect(await Project.countDocuments({ firmId, mappingVersion: mapping.version })).toBe(300);
    const area = mappedArea(options);
    const typed = await Project.find({ firmId, 'raw.practice_area.id': area.id }).lean();
    expect(typed.length).toBeGreaterThan(0);
    expect(typed.every((project) => project.type === `${area.name} matters`)).toBe(true);
    expect(await Project.countDocuments({ firmId, typeUnmapped: true })).toBe(300 - typed.length);
    const underWay = typed.find((project) => (project.raw as any).matter_stage?.id === area.stages[1].id && (project.raw as any).status !== 'Closed');
    expect(underWay?.phase).toBe('Under way');
    expect(underWay?.status).toBe('in_progress');
    const staffed = typed.find((project) => project.team.some((member) => member.role === 'responsible_staff'));
    expect(staffed?.team.find((member) => member.primary)?.role).toBe('responsible_staff');
  });

  test('second rederive finds every project unchanged', async () => {
    const progress = await rederive(firmId, 'mapped-rederive-2');

    expect(progress.updated).toBe(0);
    expect(progress.unchanged).toBe(300);
  });

  test('rederive resumes after the heartbeat details', async () => {
    const ids = (await Project.find({ firmId }, { clioMatterId: 1 }).sort({ clioMatterId: 1 }).lean()).map((project) => project.clioMatterId);
    const resumed = new MockActivityEnvironment({ heartbeatDetails: { afterClioMatterId: ids[259], pages: 1, fetched: 260, updated: 0, unchanged: 260 } });

    const progress = await rederive(firmId, 'mapped-rederive-resumed', resumed);

    expect(progress.fetched).toBe(300);
    expect(progress.pages).toBe(2);
    expect(progress.unchanged).toBe(300);
  });

  test('unmapped stage keeps the phase and is flagged', async () => {
    const area = mappedArea(options);
    const project = await Project.findOne({ firmId, phase: 'Under way', 'raw.status': { $ne: 'Closed' } }).lean();
    const unmappedStage = area.stages[3];

    await sandboxAdmin('POST', `/accounts/${accountId}/matters/${project?.clioMatterId}/stage`, { matterStageId: unmappedStage.id });
    await syncOne(firmId, project?.clioMatterId as number, 'mapped-unmapped-stage');

    const flagged = await Project.findById(project?._id).lean();
    expect(flagged?.phase).toBe('Under way');
    expect(flagged?.phaseUnmapped).toBe(true);
    expect(flagged?.unmappedPhaseValue).toEqual({ id: unmappedStage.id, name: unmappedStage.name });
    expect((flagged?.raw as any).matter_stage.id).toBe(unmappedStage.id);

    await sandboxAdmin('POST', `/accounts/${accountId}/matters/${project?.clioMatterId}/stage`, { matterStageId: area.stages[area.stages.length - 1].id });
    await syncOne(firmId, project?.clioMatterId as number, 'mapped-mapped-again');

    const mapped = await Project.findById(project?._id).lean();
    expect(mapped?.phase).toBe('Finished');
    expect(mapped?.status).toBe('complete');
    expect(mapped?.phaseUnmapped).toBe(false);
    expect(mapped?.unmappedPhaseValue).toBeNull();
  });

  test('closed matter keeps its project as complete', async () => {
    const project = await Project.findOne({ firmId, status: 'in_progress' }).lean();

    await sandboxAdmin('POST', `/accounts/${accountId}/matters/${project?.clioMatterId}/status`, { status: 'Closed' });
    const result = await syncOne(firmId, project?.clioMatterId as number, 'mapped-closed');

    expect(result.updated).toBe(1);
    expect((await Project.findById(project?._id).lean())?.status).toBe('complete');
  });
});

describe('sync rule of a saved mapping', () => {
  test('only open matters with the flag ticked get a project', async () => {
    const firmId = 'flagged-firm';
    await connectFirm(firmId, 200, 12);
    const options: ClioOptions = await activityEnv.run(activities.fetchClioOptions, firmId);
    const flagField = options.matterCustomFields.find((field) => field.fieldType === 'checkbox');
    await saveFirmMapping(firmId, { ...areaMapping(options), syncFlagFieldId: flagField?.id ?? null }, 'staff:test');

    await fullSync(firmId, 'flagged-full');

    const run = await SyncRun.findById('flagged-full').lean();
    const projects = await Project.find({ firmId }).lean();
    expect(projects.length).toBeGreaterThan(0);
    expect(run?.counts?.created).toBe(projects.length);
    expect(run?.counts?.skipped).toBe(200 - projects.length);
    for (const project of projects) {
      const raw = project.raw as any;
      expect(['Open', 'Pending']).toContain(raw.status);
      expect(raw.custom_field_values.find((value: any) => value.custom_field?.id === flagField?.id)?.value).toBe('true');
    }
  });
});
