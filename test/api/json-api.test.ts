import request from 'supertest';
import { Integration, Project, SyncRun } from '../../lib/models';
import { startApiHarness, type ApiHarness } from './support/api-harness';

let harness: ApiHarness;
let token: string;

beforeAll(async () => {
  harness = await startApiHarness('json-api');
  token = harness.seed.acmeAdmin.token;
});

afterAll(async () => {
  await harness?.stop();
});

beforeEach(() => {
  harness.gateway.reset();
});

const api = () => request(harness.url);
const auth = () => ({ Authorization: `Bearer ${token}` });

describe('request parsing', () => {
  test('malformed JSON is 400 malformed_json', async () => {
    const response = await api().post('/api/firms/acme/projects/sync').set(auth()).set('Content-Type', 'application/json').send('{"matterId": 12');

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('malformed_json');
  });

  test('bare JSON null is named as such', async () => {
    const response = await api().post('/api/firms/acme/projects/sync').set(auth()).set('Content-Type', 'application/json').send('null');

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.message).toBe('The request body is a JSON null; send a JSON object.');
  });

  test('empty settings body says what to send', async () => {
    const response = await api().put('/api/firms/acme/notifications/settings').set(auth()).send({});

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('The request body is invalid: send "templates", "holidays" or both.');
  });

  test('deeply nested matter id is rejected', async () => {
    let nested = '1';
    for (let depth = 0; depth < 5000; depth++) {
      nested = `[${nested}]`;
    }
    const response = await api().post('/api/firms/acme/projects/sync').set(auth()).set('Content-Type', 'application/json').send(`{"matterId":${nested}}`);

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('An array');
    expect(harness.gateway.calls).toHaveLength(0);
  });

  test('unknown body field is named', async () => {
    const response = await api().post('/api/firms/acme/projects/sync').set(auth()).send({ matterId: 12, priority: 'high' });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.message).toContain('"priority"');
    expect(harness.gateway.calls).toHaveLength(0);
  });

  test('unknown body field on a body-less action is named', async () => {
    const response = await api().post('/api/firms/acme/integrations/clio/sync').set(auth()).send({ force: true });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('"force"');
  });

  test('unknown query parameter is named', async () => {
    const response = await api().get('/api/firms/acme/projects?limit=5&sort=name').set(auth());

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('"sort"');
  });

  test('missing matterId is named', async () => {
    const response = await api().post('/api/firms/acme/projects/sync').set(auth()).send({});

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Missing required field "matterId" in the request body.');
  });

  test('a JSON array body is rejected', async () => {
    const response = await api().post('/api/firms/acme/projects/sync').set(auth()).send([1]);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
  });

  test('a body over 100 kB is 413', async () => {
    const response = await api().post('/api/firms/acme/projects/sync').set(auth()).send({ matterId: 'x'.repeat(110 * 1024) });

    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });

  test('a form body on the API is 415', async () => {
    const response = await api().post('/api/firms/acme/projects/sync').set(auth()).type('form').send('matterId=12');

    expect(response.status).toBe(415);
  });

  test('an invalid firm id is 400', async () => {
    const response = await api().get('/api/firms/Not_A_Firm/projects').set(auth());

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('"firmId"');
  });

  test('unknown route is 404 route_not_found', async () => {
    const response = await api().get('/api/firms/acme/widgets').set(auth());

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('route_not_found');
  });

  test('every error carries the request id', async () => {
    const response = await api().get('/api/firms/acme/widgets').set(auth());

    expect(response.body.error.requestId).toBe(response.headers['x-request-id']);
  });
});

describe('project sync by matter reference', () => {
  const accepted: Array<[input: unknown, matterId: number]> = [
    [123, 123],
    ['123', 123],
    [' 123 ', 123],
    ['https://app.clio.com/nc/#/matters/123', 123],
    ['https://eu.app.clio.com/nc/#/matters/98765/dashboard', 98765],
    ['https://app.clio.com/matters/77', 77],
  ];

  test.each(accepted)('accepts %j as matter %d', async (input, matterId) => {
    const response = await api().post('/api/firms/acme/projects/sync').set(auth()).send({ matterId: input });

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ syncRunId: expect.any(String), joined: false });
    expect(harness.gateway.calls[0].input).toMatchObject({ matterId });
  });

  test('accepts a URL on the configured sandbox host', async () => {
    const response = await api().post('/api/firms/acme/projects/sync').set(auth()).send({ matterId: `${harness.clio.baseUrl}/nc/#/matters/5` });

    expect(response.status).toBe(202);
    expect(harness.gateway.calls[0].input).toMatchObject({ matterId: 5 });
  });

  const rejected: unknown[] = [0, -4, 1.5, '12a', 'https://example.com/nc/#/matters/1', 'https://app.clio.com/nc/#/contacts/1', true, null, { id: 1 }];

  test.each(rejected)('rejects %j', async (input) => {
    const response = await api().post('/api/firms/acme/projects/sync').set(auth()).send({ matterId: input });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('matterId');
    expect(harness.gateway.calls).toHaveLength(0);
  });
});

describe('workflow rejections', () => {
  test('no workflow is 409 clio_not_connected', async () => {
    harness.gateway.rejectNext({ code: 'clio_not_connected', message: 'Connect Clio first: this firm has no Clio connection.' });

    const response = await api().post('/api/firms/acme/integrations/clio/sync').set(auth());

    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'clio_not_connected', message: 'Connect Clio first: this firm has no Clio connection.' });
  });

  test('a validator rejection keeps its code and sentence', async () => {
    harness.gateway.rejectNext({ code: 'reauthorization_required', message: 'Reconnect Clio first: syncing is paused for firm acme.' });

    const response = await api().post('/api/firms/acme/projects/sync').set(auth()).send({ matterId: 9 });

    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'reauthorization_required', message: 'Reconnect Clio first: syncing is paused for firm acme.' });
  });

  test('an unreachable Temporal is 503', async () => {
    harness.gateway.rejectNext({ code: 'integration_unavailable', message: 'The integration service is unavailable; try again in a minute.' });

    const response = await api().post('/api/firms/acme/integrations/clio/disconnect').set(auth());

    expect(response.status).toBe(503);
  });

  test('full sync answers 202 with the run id', async () => {
    const response = await api().post('/api/firms/acme/integrations/clio/sync').set(auth());

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ syncRunId: expect.any(String), joined: false });
  });
});

describe('integration state', () => {
  afterEach(async () => {
    await Integration.deleteMany({});
  });

  test('a firm without integration is not_connected', async () => {
    const response = await api().get('/api/firms/acme/integrations/clio').set(auth());

    expect(response.body).toEqual({
      status: 'not_connected', label: 'Not connected', region: null, clioUser: null, lastSyncAt: null,
      nextSyncAt: null, statusBeforeReauthorization: null, message: null,
    });
  });

  test('the read model is returned with its label', async () => {
    await Integration.create({
      firmId: 'acme', status: 'reauthorization_required', statusBeforeReauthorization: 'active', region: 'eu',
      clioUser: { id: 7, name: 'Pat Partner' }, lastSyncAt: new Date('2027-03-14T07:05:00Z'), message: 'Clio refused the refresh token.',
    });

    const response = await api().get('/api/firms/acme/integrations/clio').set(auth());

    expect(response.body).toEqual({
      status: 'reauthorization_required', label: 'Reauthorization required', region: 'eu', clioUser: { id: 7, name: 'Pat Partner' },
      lastSyncAt: '2027-03-14T07:05:00.000Z', nextSyncAt: null, statusBeforeReauthorization: 'active', message: 'Clio refused the refresh token.',
    });
  });

  test('paused tile says how to resume', async () => {
    await Integration.create({ firmId: 'acme', status: 'reauthorization_required', statusBeforeReauthorization: 'active', region: 'us' });

    const response = await api().get('/api/firms/acme/integrations/clio').set(auth());

    expect(response.body.status).toBe('reauthorization_required');
    expect(response.body.message).toBe('Syncing has stopped because Clio no longer accepts CaseBridge\'s access. Reconnect to resume.');
  });
});

describe('projects', () => {
  beforeAll(async () => {
    const projects = [3, 1, 2].map((id) => ({ firmId: 'acme', clioMatterId: id, status: 'in_progress', description: `Matter ${id}`, raw: { id, secretNote: 'raw' } }));
    await Project.create([...projects, { firmId: 'beta', clioMatterId: 1, status: 'in_progress', raw: { id: 1 } }]);
  });

  test('lists by matter id without raw', async () => {
    const response = await api().get('/api/firms/acme/projects').set(auth());

    expect(response.status).toBe(200);
    expect(response.body.total).toBe(3);
    expect(response.body.projects.map((project: { clioMatterId: number }) => project.clioMatterId)).toEqual([1, 2, 3]);
    expect(response.body.projects[0]).not.toHaveProperty('raw');
  });

  test('pages with limit and offset', async () => {
    const response = await api().get('/api/firms/acme/projects?limit=1&offset=1').set(auth());

    expect(response.body.projects.map((project: { clioMatterId: number }) => project.clioMatterId)).toEqual([2]);
    expect(response.body.total).toBe(3);
  });

  test('limit that is no number is named', async () => {
    const response = await api().get('/api/firms/acme/projects?limit=abc').set(auth());

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Invalid value for "limit" in the query: "abc" is not a number.');
  });

  test('limit above 200 is 400', async () => {
    const response = await api().get('/api/firms/acme/projects?limit=201').set(auth());

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('"limit"');
  });

  test('one project includes raw', async () => {
    const response = await api().get('/api/firms/acme/projects/2').set(auth());

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ clioMatterId: 2, description: 'Matter 2', raw: { id: 2, secretNote: 'raw' } });
  });

  test('unknown project is 404 project_not_found', async () => {
    const response = await api().get('/api/firms/acme/projects/999').set(auth());

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('project_not_found');
  });

  test('non-numeric matter id is 400', async () => {
    const response = await api().get('/api/firms/acme/projects/abc').set(auth());

    expect(response.status).toBe(400);
  });
});

describe('sync runs', () => {
  beforeAll(async () => {
    const run = (id: string, firmId: string, minutesAgo: number) => ({
      _id: id, firmId, kind: 'full', trigger: 'manual', requestedAt: new Date(Date.now() - minutesAgo * 60_000),
    });
    await SyncRun.create([run('run-old', 'acme', 30), run('run-new', 'acme', 1), run('run-mid', 'acme', 10), run('run-beta', 'beta', 0)]);
  });

  test('lists newest first', async () => {
    const response = await api().get('/api/firms/acme/sync-runs').set(auth());

    expect(response.body.syncRuns.map((run: { id: string }) => run.id)).toEqual(['run-new', 'run-mid', 'run-old']);
  });

  test('honours limit', async () => {
    const response = await api().get('/api/firms/acme/sync-runs?limit=1').set(auth());

    expect(response.body.syncRuns).toHaveLength(1);
  });

  test('returns one run', async () => {
    const response = await api().get('/api/firms/acme/sync-runs/run-mid').set(auth());

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: 'run-mid', kind: 'full', trigger: 'manual', state: 'queued' });
  });

  test('unknown run is 404 sync_run_not_found', async () => {
    const response = await api().get('/api/firms/acme/sync-runs/run-missing').set(auth());

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('sync_run_not_found');
  });

  test("another firm's run is 404", async () => {
    const response = await api().get('/api/firms/acme/sync-runs/run-beta').set(auth());

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('sync_run_not_found');
  });
});

test('healthz answers ok', async () => {
  const response = await api().get('/healthz');

  expect(response.status).toBe(200);
  expect(response.body).toEqual({ ok: true });
});
