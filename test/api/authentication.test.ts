import request from 'supertest';
import { createSignInLink } from '../../lib/auth';
import { startApiHarness, type ApiHarness } from './support/api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await startApiHarness('authentication');
});

afterAll(async () => {
  await harness?.stop();
});

beforeEach(() => {
  harness.gateway.reset();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('API token authentication', () => {
  test('rejects a request without token', async () => {
    const response = await request(harness.url).get('/api/firms/acme/integrations/clio');

    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });

  test('rejects an unknown token', async () => {
    const response = await request(harness.url).get('/api/firms/acme/integrations/clio').set(bearer('cb_not-a-real-token'));

    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });

  test('rejects a non-bearer Authorization header', async () => {
    const response = await request(harness.url).get('/api/firms/acme/integrations/clio').set('Authorization', 'Basic YWxhZGRpbjpvcGVu');

    expect(response.status).toBe(401);
    expect(response.body.error.message).toContain('Bearer');
  });

  test('accepts a valid token', async () => {
    const response = await request(harness.url).get('/api/firms/acme/integrations/clio').set(bearer(harness.seed.acmeAdmin.token));

    expect(response.status).toBe(200);
    expect(response.body.status).toBe('not_connected');
  });
});

describe('roles', () => {
  test('firm admin cannot activate', async () => {
    const response = await request(harness.url).post('/api/firms/acme/integrations/clio/activate').set(bearer(harness.seed.acmeAdmin.token));

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
    expect(harness.gateway.calls).toHaveLength(0);
  });

  test('firm admin cannot deactivate', async () => {
    const response = await request(harness.url).post('/api/firms/acme/integrations/clio/deactivate').set(bearer(harness.seed.acmeAdmin.token));

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
  });

  test('staff activate any firm', async () => {
    const response = await request(harness.url).post('/api/firms/beta/integrations/clio/activate').set(bearer(harness.seed.staff.token));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'active', label: 'Active' });
    expect(harness.gateway.calls[0]).toMatchObject({ operation: 'activate', firmId: 'beta' });
    expect(harness.gateway.calls[0].input).toEqual({ requestedBy: expect.stringMatching(/^staff:[0-9a-f]{24}$/) });
  });

  test('staff deactivate any firm', async () => {
    const response = await request(harness.url).post('/api/firms/acme/integrations/clio/deactivate').set(bearer(harness.seed.staff.token));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'connected_inactive', label: 'Connected, Inactive' });
  });

  test('firm admin disconnects own firm', async () => {
    const response = await request(harness.url).post('/api/firms/acme/integrations/clio/disconnect').set(bearer(harness.seed.acmeAdmin.token));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'not_connected', label: 'Not connected' });
  });
});

describe("another firm's routes", () => {
  const routes: Array<[method: 'get' | 'post', path: string, body: object | null]> = [
    ['get', '/api/firms/beta/integrations/clio', null],
    ['post', '/api/firms/beta/integrations/clio/activate', null],
    ['post', '/api/firms/beta/integrations/clio/deactivate', null],
    ['post', '/api/firms/beta/integrations/clio/sync', null],
    ['post', '/api/firms/beta/integrations/clio/disconnect', null],
    ['post', '/api/firms/beta/projects/sync', { matterId: 1 }],
    ['get', '/api/firms/beta/projects', null],
    ['get', '/api/firms/beta/projects/1', null],
    ['get', '/api/firms/beta/sync-runs', null],
    ['get', '/api/firms/beta/sync-runs/run-1', null],
  ];

  test.each(routes)('%s %s answers 404 firm_not_found', async (method, path, body) => {
    const call = request(harness.url)[method](path).set(bearer(harness.seed.acmeAdmin.token));
    const response = await (body ? call.send(body) : call);

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('firm_not_found');
    expect(harness.gateway.calls).toHaveLength(0);
  });

  test('a missing firm reads the same as a foreign one', async () => {
    const foreign = await request(harness.url).get('/api/firms/beta/integrations/clio').set(bearer(harness.seed.acmeAdmin.token));
    const missing = await request(harness.url).get('/api/firms/no-such-firm/integrations/clio').set(bearer(harness.seed.acmeAdmin.token));

    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(foreign.body.error.message);
  });

  test('staff get 404 for a firm that does not exist', async () => {
    const response = await request(harness.url).get('/api/firms/no-such-firm/projects').set(bearer(harness.seed.staff.token));

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('firm_not_found');
  });

  test("firm admin cannot open another firm's settings page", async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const response = await agent.get('/firms/beta/settings/integrations');

    expect(response.status).toBe(404);
  });

  test("firm admin cannot start another firm's Clio connection", async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const response = await agent.get('/firms/beta/integrations/clio/connect?region=us');

    expect(response.status).toBe(404);
    expect(response.headers.location).toBeUndefined();
  });
});

describe('sign-in links', () => {
  test('a link opens a session once', async () => {
    const link = await createSignInLink({ email: harness.seed.acmeAdmin.email, publicUrl: harness.url, now: harness.clock.now() });

    const first = await request(harness.url).get(`/sign-in/${link.token}`);
    const second = await request(harness.url).get(`/sign-in/${link.token}`);

    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/firms/acme/settings/integrations');
    expect(second.status).toBe(410);
    expect(second.headers['set-cookie']).toBeUndefined();
  });

  test('the session cookie is httpOnly and SameSite=Lax', async () => {
    const link = await createSignInLink({ email: harness.seed.acmeAdmin.email, publicUrl: harness.url, now: harness.clock.now() });

    const response = await request(harness.url).get(`/sign-in/${link.token}`);
    const cookie = String(response.headers['set-cookie']);

    expect(cookie).toContain('casebridge.sid=');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
  });

  test('staff land on the staff console', async () => {
    const link = await createSignInLink({ email: harness.seed.staff.email, publicUrl: harness.url, now: harness.clock.now() });

    const response = await request(harness.url).get(`/sign-in/${link.token}`);

    expect(response.headers.location).toBe('/staff');
  });

  test('a link expires after 15 minutes', async () => {
    const sixteenMinutesAgo = new Date(harness.clock.now().getTime() - 16 * 60_000);
    const link = await createSignInLink({ email: harness.seed.acmeAdmin.email, publicUrl: harness.url, now: sixteenMinutesAgo });

    const response = await request(harness.url).get(`/sign-in/${link.token}`);

    expect(response.status).toBe(410);
  });

  test('an unknown link is rejected', async () => {
    const response = await request(harness.url).get('/sign-in/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');

    expect(response.status).toBe(410);
  });

  test('the link URL uses PUBLIC_URL', async () => {
    const link = await createSignInLink({ email: harness.seed.staff.email, publicUrl: harness.url });

    expect(link.url).toBe(`${harness.url}/sign-in/${link.token}`);
  });

  test('signing out ends the session', async () => {
    const agent = await harness.signIn(harness.seed.staff.email);
    const page = await agent.get('/staff');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';

    const signOut = await agent.post('/sign-out').type('form').send({ _csrf: csrf });
    const after = await agent.get('/staff');

    expect(signOut.status).toBe(303);
    expect(after.status).toBe(401);
  });
});

describe('browser session on the API', () => {
  test('reads with a session cookie', async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const response = await agent.get('/api/firms/acme/integrations/clio');

    expect(response.status).toBe(200);
  });

  test('rejects a session write that is not JSON', async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const response = await agent.post('/api/firms/acme/integrations/clio/sync').type('form').send('x=1');

    expect(response.status).toBe(415);
    expect(harness.gateway.calls).toHaveLength(0);
  });

  test('accepts a session write sent as JSON', async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const response = await agent.post('/api/firms/acme/integrations/clio/sync').send({});

    expect(response.status).toBe(202);
  });

  test('a session expires after 8 idle hours', async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);
    harness.clock.advance(8 * 60 * 60_000 + 1000);

    const response = await agent.get('/api/firms/acme/integrations/clio');

    expect(response.status).toBe(401);
  });
});
