import { createApiToken, createFirm, createSignInLink, createUser } from '../../lib/auth';
import { connectDatabase, disconnectDatabase } from '../../lib/db';
import { Project } from '../../lib/models';
import { Browser, connectClio } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';
import { callApi, callSandboxAdmin } from '../support/http-clients';
import { eventually } from '../support/polling';

const FIRM = 'mercer-law';
let stack: TestStack;
let adminToken: string;

const api = (method: string, path: string, body?: unknown) => callApi(stack.apiUrl, adminToken, method, path, body);
const sandboxAdmin = (method: string, path: string, body?: unknown) => callSandboxAdmin(stack.sandboxUrl, method, path, body);

beforeAll(async () => {
  stack = await startTestStack();
  await connectDatabase(stack.mongoUrl);
  await createFirm({ id: FIRM, name: 'Mercer Law LLP', timeZone: 'America/Chicago' });
  await createUser({ email: 'admin@mercer.example', name: 'Mina Mercer', role: 'firm_admin', firmId: FIRM });
  adminToken = (await createApiToken({ email: 'admin@mercer.example' })).token;
}, 240_000);

afterAll(async () => {
  await disconnectDatabase();
  await stack?.stop();
});

/** Polls a sync run every 250 ms until it completes or fails, for at most `timeoutMs`. */
async function finishedRun(syncRunId: string, timeoutMs = 120_000): Promise<any> {
  const run = await eventually(() => api('GET', `/api/firms/${FIRM}/sync-runs/${syncRunId}`), (response) => ['completed', 'failed'].includes(response.body?.state), timeoutMs);
  return run.body;
}

describe('field mapping on the whole stack', () => {
  let options: any;
  let area: any;

  test('options before connecting are 409 clio_not_connected', async () => {
    const response = await api('GET', `/api/firms/${FIRM}/mapping/options`);

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('clio_not_connected');
  });

  test('connected firm syncs 300 matters with the default mapping', async () => {
    const browser = new Browser();
    await browser.get((await createSignInLink({ email: 'admin@mercer.example', publicUrl: stack.apiUrl })).url);
    const page = await connectClio(browser, stack.apiUrl, FIRM, 'allow');
    expect(page.html).toContain('Connected, Inactive');

    const accepted = await api('POST', `/api/firms/${FIRM}/integrations/clio/sync`, { mode: 'full' });
    const run = await finishedRun(accepted.body.syncRunId);

    expect(run.state).toBe('completed');
    expect(await Project.countDocuments({ firmId: FIRM, mappingVersion: 0 })).toBe(300);
  });

  test('options list practice areas, stages and custom fields', async () => {
    const response = await api('GET', `/api/firms/${FIRM}/mapping/options`);

    expect(response.status).toBe(200);
    options = response.body;
    area = options.practiceAreas.find((candidate: any) => candidate.stages.length >= 5);
    expect(area).toBeDefined();
    expect(options.matterCustomFields.find((field: any) => field.name === 'Case phase')?.picklistOptions.length).toBeGreaterThan(0);
  });

  test('stage of another practice area is 422', async () => {
    const otherStage = options.practiceAreas.find((candidate: any) => candidate.id !== area.id).stages[0];

    const response = await api('PUT', `/api/firms/${FIRM}/mapping`, {
      projectTypes: [{ name: 'Litigation', practiceAreaId: area.id, phases: [{ name: 'Started', clioValues: [area.stages[0].id, otherStage.id] }] }],
    });

    expect(response.status).toBe(422);
    expect(response.body.error.problems).toHaveLength(1);
    expect(response.body.error.problems[0].message).toContain(`(${otherStage.id}) belongs to practice area`);
  });

  test('saved mapping re-derives 300 projects without a Clio request', async () => {
    const before = (await sandboxAdmin('GET', '/requests')).total;
    const stages = area.stages.map((stage: any) => stage.id);

    const saved = await api('PUT', `/api/firms/${FIRM}/mapping`, {
      projectTypes: [{
        name: 'Core matters',
        practiceAreaId: area.id,
        phases: [
          { name: 'Starting', kind: 'not_started', clioValues: [stages[0]] },
          { name: 'Under way', clioValues: [stages[1], stages[2]] },
          { name: 'Finished', kind: 'final', clioValues: [stages[stages.length - 1]] },
        ],
      }],
    });
    const run = await finishedRun(saved.body.rederive.syncRunId);

    expect(saved.status).toBe(200);
    expect(saved.body.mapping.version).toBe(1);
    expect(run.kind).toBe('rederive');
    expect(run.trigger).toBe('mapping_changed');
    expect(run.state).toBe('completed');
    expect(run.counts.fetched).toBe(300);
    expect(run.requests).toBe(0);
    // The only Clio requests are the three listings that validated the mapping.
    expect((await sandboxAdmin('GET', '/requests')).total - before).toBe(3);
    expect(await Project.countDocuments({ firmId: FIRM, mappingVersion: 1 })).toBe(300);
    expect(await Project.countDocuments({ firmId: FIRM, type: 'Core matters', 'raw.practice_area.id': { $ne: area.id } })).toBe(0);
    expect(await Project.countDocuments({ firmId: FIRM, type: 'Core matters' })).toBe(await Project.countDocuments({ firmId: FIRM, 'raw.practice_area.id': area.id }));
  });

  test('matter moved to an unmapped stage keeps its phase flagged', async () => {
    const unmapped = area.stages[3];
    const project = await Project.findOne({ firmId: FIRM, phase: 'Under way', 'raw.status': { $ne: 'Closed' } }).lean();
    const accounts = await sandboxAdmin('GET', '/accounts');
    await sandboxAdmin('POST', `/accounts/${accounts.accounts[0].accountId}/matters/${project?.clioMatterId}/stage`, { matterStageId: unmapped.id });

    const accepted = await api('POST', `/api/firms/${FIRM}/projects/sync`, { matterId: project?.clioMatterId });
    const run = await finishedRun(accepted.body.syncRunId);
    const view = await api('GET', `/api/firms/${FIRM}/projects/${project?.clioMatterId}`);

    expect(run.state).toBe('completed');
    expect(view.body.raw.matter_stage.id).toBe(unmapped.id);
    expect(view.body.phase).toBe('Under way');
    expect(view.body.status).toBe('in_progress');
    expect(view.body.phaseUnmapped).toBe(true);
    expect(view.body.unmappedPhaseValue).toEqual({ id: unmapped.id, name: unmapped.name });
  });
});
