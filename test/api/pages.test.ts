import request from 'supertest';
import { Firm, Integration } from '../../lib/models';
import { csrfTokenIn, startApiHarness, type ApiHarness } from './support/api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await startApiHarness('pages');
});

afterAll(async () => {
  await harness?.stop();
});

beforeEach(async () => {
  harness.gateway.reset();
  await Integration.deleteMany({});
});

describe('settings page', () => {
  test('shows Connect when not connected', async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const page = await agent.get('/firms/acme/settings/integrations');

    expect(page.status).toBe(200);
    expect(page.text).toContain('Company Settings → Integrations');
    expect(page.text).toContain('>Not connected</strong>');
    expect(page.text).toContain('<button type="submit">Connect</button>');
    expect(page.text).toContain('<select name="region">');
  });

  test('shows Reconnect and why when reauthorization is required', async () => {
    await Integration.create({ firmId: 'acme', status: 'reauthorization_required', statusBeforeReauthorization: 'active', region: 'ca', clioUser: { id: 3, name: 'Pat Partner' } });
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const page = await agent.get('/firms/acme/settings/integrations');

    expect(page.text).toContain('>Reauthorization required</strong>');
    expect(page.text).toContain('<button type="submit">Reconnect</button>');
    expect(page.text).toContain("Syncing has stopped because Clio no longer accepts CaseBridge's access. Reconnect to resume.");
    expect(page.text).toContain('<option value="ca" selected>');
  });

  test('shows sync times in the firm time zone', async () => {
    await Integration.create({
      firmId: 'acme', status: 'active', region: 'us', clioUser: { id: 3, name: 'Pat Partner' },
      lastSyncAt: new Date('2027-03-14T07:05:00Z'), nextSyncAt: new Date('2027-11-07T07:10:00Z'),
    });
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const page = await agent.get('/firms/acme/settings/integrations');

    expect(page.text).toContain('>Active</strong>');
    expect(page.text).toContain('Mar 14, 2027, 3:05 AM EDT');
    expect(page.text).toContain('Nov 7, 2027, 2:10 AM EST');
    expect(page.text).toContain('Pat Partner');
    expect(page.text).not.toContain('<button type="submit">Connect</button>');
  });

  test('firm admin sees no staff buttons', async () => {
    await Integration.create({ firmId: 'acme', status: 'connected_inactive', region: 'us' });
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const page = await agent.get('/firms/acme/settings/integrations');

    expect(page.text).toContain('>Connected, Inactive</strong>');
    expect(page.text).not.toContain('Activate');
  });

  test('escapes firm data', async () => {
    await Firm.updateOne({ _id: 'beta' }, { $set: { name: '<script>alert(1)</script>' } });
    const agent = await harness.signIn(harness.seed.betaAdmin.email);

    const page = await agent.get('/firms/beta/settings/integrations');

    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('ignores an unknown notice', async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const page = await agent.get('/firms/acme/settings/integrations?notice=%3Cb%3Ehi');

    expect(page.status).toBe(200);
    expect(page.text).not.toContain('class="notice"');
  });

  test('requires a session', async () => {
    const page = await request(harness.url).get('/firms/acme/settings/integrations');

    expect(page.status).toBe(401);
    expect(page.text).toContain('sign-in link');
  });

  test('an API token does not open pages', async () => {
    const page = await request(harness.url).get('/firms/acme/settings/integrations').set('Authorization', `Bearer ${harness.seed.acmeAdmin.token}`);

    expect(page.status).toBe(401);
  });
});

describe('staff buttons', () => {
  test('staff see Activate on an inactive integration', async () => {
    await Integration.create({ firmId: 'acme', status: 'connected_inactive', region: 'us' });
    const agent = await harness.signIn(harness.seed.staff.email);

    const page = await agent.get('/firms/acme/settings/integrations');

    expect(page.text).toContain('action="/firms/acme/settings/integrations/clio/activate"');
    expect(page.text).not.toContain('clio/deactivate');
  });

  test('activate with the CSRF token calls the workflow', async () => {
    await Integration.create({ firmId: 'acme', status: 'connected_inactive', region: 'us' });
    const agent = await harness.signIn(harness.seed.staff.email);
    const page = await agent.get('/firms/acme/settings/integrations');

    const response = await agent.post('/firms/acme/settings/integrations/clio/activate').type('form').send({ _csrf: csrfTokenIn(page.text) });

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/firms/acme/settings/integrations?notice=activated');
    expect(harness.gateway.calls).toMatchObject([{ operation: 'activate', firmId: 'acme' }]);
  });

  test('activate without the CSRF token is 403', async () => {
    const agent = await harness.signIn(harness.seed.staff.email);

    const response = await agent.post('/firms/acme/settings/integrations/clio/activate').type('form').send({ _csrf: 'forged' });

    expect(response.status).toBe(403);
    expect(harness.gateway.calls).toHaveLength(0);
  });

  test('deactivate by a firm admin is 403', async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);
    const page = await agent.get('/firms/acme/settings/integrations');

    const response = await agent.post('/firms/acme/settings/integrations/clio/deactivate').type('form').send({ _csrf: csrfTokenIn(page.text) });

    expect(response.status).toBe(403);
    expect(harness.gateway.calls).toHaveLength(0);
  });

  test('a rejection shows its sentence', async () => {
    const agent = await harness.signIn(harness.seed.staff.email);
    const page = await agent.get('/firms/acme/settings/integrations');
    harness.gateway.rejectNext({ code: 'clio_not_connected', message: 'Connect Clio first: firm acme has no Clio connection.' });

    const response = await agent.post('/firms/acme/settings/integrations/clio/activate').type('form').send({ _csrf: csrfTokenIn(page.text) });

    expect(response.status).toBe(409);
    expect(response.text).toContain('Connect Clio first: firm acme has no Clio connection.');
  });
});

describe('staff console', () => {
  test('lists firms with their labels', async () => {
    await Integration.create({ firmId: 'acme', status: 'active', region: 'us' });
    const agent = await harness.signIn(harness.seed.staff.email);

    const page = await agent.get('/staff');

    expect(page.status).toBe(200);
    expect(page.text).toMatch(/Acme Law<\/a><\/td>\s*<td><code>acme<\/code><\/td>\s*<td data-status="active">Active<\/td>/);
    expect(page.text).toMatch(/<code>beta<\/code><\/td>\s*<td data-status="not_connected">Not connected<\/td>/);
  });

  test('is closed to firm admins', async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const page = await agent.get('/staff');

    expect(page.status).toBe(403);
  });
});

describe('home', () => {
  test('redirects to sign-in help', async () => {
    const response = await request(harness.url).get('/');

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/sign-in');
  });

  test('sign-in help explains links', async () => {
    const response = await request(harness.url).get('/sign-in');

    expect(response.status).toBe(200);
    expect(response.text).toContain('single-use link');
  });

  test('redirects a signed-in admin to settings', async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const response = await agent.get('/');

    expect(response.headers.location).toBe('/firms/acme/settings/integrations');
  });

  test('unknown page is 404', async () => {
    const response = await request(harness.url).get('/no-such-page');

    expect(response.status).toBe(404);
  });
});
