import { Credential, Integration } from '../../lib/models';
import { CLIO_USER, ISSUED_ACCESS_TOKEN, ISSUED_REFRESH_TOKEN } from './support/fake-clio';
import { startApiHarness, type ApiHarness } from './support/api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await startApiHarness('oauth');
});

afterAll(async () => {
  await harness?.stop();
});

beforeEach(async () => {
  harness.gateway.reset();
  harness.clio.tokenRequests = 0;
  harness.clio.tokenRequestBodies.length = 0;
  harness.clio.failTokenRequests = false;
  await Integration.deleteMany({});
  await Credential.deleteMany({});
});

type Agent = Awaited<ReturnType<ApiHarness['signIn']>>;

/** Starts a connection as the acme admin and returns the agent and the state Clio would send back. */
async function startConnect(region = 'us'): Promise<{ agent: Agent; state: string; location: URL }> {
  const agent = await harness.signIn(harness.seed.acmeAdmin.email);
  const response = await agent.get(`/firms/acme/integrations/clio/connect?region=${region}`).expect(302);
  const location = new URL(response.headers.location);
  return { agent, state: location.searchParams.get('state') ?? '', location };
}

describe('connect', () => {
  test('redirects to the authorize URL', async () => {
    const { location, state } = await startConnect();

    expect(`${location.origin}${location.pathname}`).toBe(`${harness.clio.baseUrl}/oauth/authorize`);
    expect(location.searchParams.get('response_type')).toBe('code');
    expect(location.searchParams.get('client_id')).toBe('casebridge-test-client');
    expect(location.searchParams.get('redirect_uri')).toBe(`${harness.url}/oauth/clio/callback`);
    expect(location.searchParams.get('redirect_on_decline')).toBe('true');
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test('each connect gets a new state', async () => {
    const first = await startConnect();
    const second = await startConnect();

    expect(first.state).not.toBe(second.state);
  });

  test('unknown region is 400 naming it', async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);

    const response = await agent.get('/firms/acme/integrations/clio/connect?region=mars');

    expect(response.status).toBe(400);
    expect(response.text).toContain('&quot;mars&quot; is not a Clio region');
  });

  test('requires a session', async () => {
    const response = await fetch(`${harness.url}/firms/acme/integrations/clio/connect?region=us`, { redirect: 'manual' });

    expect(response.status).toBe(401);
  });
});

describe('callback state checks', () => {
  test('missing state is 403 without token request', async () => {
    const { agent } = await startConnect();

    const response = await agent.get('/oauth/clio/callback?code=abc');

    expect(response.status).toBe(403);
    expect(response.text).toContain('invalid_oauth_state');
    expect(harness.clio.tokenRequests).toBe(0);
  });

  test("another session's state is 403 without token request", async () => {
    const { state } = await startConnect();
    const other = await harness.signIn(harness.seed.acmeAdmin.email);

    const response = await other.get(`/oauth/clio/callback?code=abc&state=${state}`);

    expect(response.status).toBe(403);
    expect(harness.clio.tokenRequests).toBe(0);
  });

  test('a state without any session is 403', async () => {
    const { state } = await startConnect();

    const response = await fetch(`${harness.url}/oauth/clio/callback?code=abc&state=${state}`, { redirect: 'manual' });

    expect(response.status).toBe(403);
    expect(harness.clio.tokenRequests).toBe(0);
  });

  test('a reused state is 403 without token request', async () => {
    const { agent, state } = await startConnect();
    await agent.get(`/oauth/clio/callback?error=access_denied&state=${state}`).expect(302);

    const response = await agent.get(`/oauth/clio/callback?code=abc&state=${state}`);

    expect(response.status).toBe(403);
    expect(harness.clio.tokenRequests).toBe(0);
  });

  test('an expired state is 403 without token request', async () => {
    const { agent, state } = await startConnect();
    harness.clock.advance(10 * 60_000 + 1000);

    const response = await agent.get(`/oauth/clio/callback?code=abc&state=${state}`);

    expect(response.status).toBe(403);
    expect(harness.clio.tokenRequests).toBe(0);
  });

  test('a used state cannot be replayed after success', async () => {
    const { agent, state } = await startConnect();
    await agent.get(`/oauth/clio/callback?code=abc&state=${state}`).expect(302);

    const replay = await agent.get(`/oauth/clio/callback?code=abc&state=${state}`);

    expect(replay.status).toBe(403);
    expect(harness.clio.tokenRequests).toBe(1);
  });
});

describe('declined consent', () => {
  test('redirects with the access_denied notice', async () => {
    const { agent, state } = await startConnect();

    const response = await agent.get(`/oauth/clio/callback?error=access_denied&error_description=declined&state=${state}`);

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/firms/acme/settings/integrations?notice=access_denied');
    expect(harness.clio.tokenRequests).toBe(0);
    expect(harness.gateway.calls).toHaveLength(0);
  });

  test('leaves an existing integration unchanged', async () => {
    await Integration.create({ firmId: 'acme', status: 'active', region: 'us', clioUser: { id: 1, name: 'Old User' }, credentialVersion: 3 });
    const before = await Integration.findOne({ firmId: 'acme' }).lean();
    const { agent, state } = await startConnect();

    await agent.get(`/oauth/clio/callback?error=access_denied&state=${state}`).expect(302);
    const after = await Integration.findOne({ firmId: 'acme' }).lean();
    const page = await agent.get('/firms/acme/settings/integrations?notice=access_denied');

    expect(after).toEqual(before);
    expect(await Credential.countDocuments()).toBe(0);
    expect(page.text).toContain('Clio access was not granted; the existing connection is unchanged.');
  });

  test('says the integration is not connected when it was not', async () => {
    const { agent, state } = await startConnect();

    await agent.get(`/oauth/clio/callback?error=access_denied&state=${state}`).expect(302);
    const page = await agent.get('/firms/acme/settings/integrations?notice=access_denied');

    expect(await Integration.countDocuments()).toBe(0);
    expect(page.text).toContain('Clio access was not granted; the integration is not connected.');
  });
});

describe('successful connection', () => {
  test('stores tokens, signals the workflow and redirects', async () => {
    const { agent, state } = await startConnect('eu');

    const response = await agent.get(`/oauth/clio/callback?code=the-code&state=${state}`);

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/firms/acme/settings/integrations?notice=connected');
    expect(harness.clio.tokenRequests).toBe(1);
    expect(harness.clio.tokenRequestBodies[0].get('code')).toBe('the-code');
    expect(harness.clio.tokenRequestBodies[0].get('redirect_uri')).toBe(`${harness.url}/oauth/clio/callback`);
    const credential = await Credential.findOne({ firmId: 'acme' }).lean();
    expect(credential).toMatchObject({ region: 'eu', version: 1 });
    expect(JSON.stringify(credential)).not.toContain(ISSUED_ACCESS_TOKEN);
    expect(harness.gateway.calls).toEqual([
      { operation: 'connect', firmId: 'acme', input: { credentialVersion: 1, region: 'eu', clioUser: CLIO_USER } },
    ]);
  });

  test('never logs the code or tokens', async () => {
    const { agent, state } = await startConnect();
    harness.logLines.length = 0;

    await agent.get(`/oauth/clio/callback?code=code-that-must-not-be-logged&state=${state}`).expect(302);
    const logs = harness.logLines.join('\n');

    expect(logs).toContain('Clio connected');
    expect(logs).not.toContain(ISSUED_ACCESS_TOKEN);
    expect(logs).not.toContain(ISSUED_REFRESH_TOKEN);
    expect(logs).not.toContain('code-that-must-not-be-logged');
    expect(logs).not.toContain(state);
  });

  test('the settings page then shows the connected user', async () => {
    const { agent, state } = await startConnect();
    await agent.get(`/oauth/clio/callback?code=abc&state=${state}`).expect(302);

    const page = await agent.get('/firms/acme/settings/integrations?notice=connected');

    expect(page.text).toContain('Clio is connected.');
    expect(page.text).toContain('Connected, Inactive');
    expect(page.text).toContain(CLIO_USER.name);
  });
});

describe('failed token exchange', () => {
  test('redirects with a notice and changes nothing', async () => {
    await Integration.create({ firmId: 'acme', status: 'reauthorization_required', statusBeforeReauthorization: 'active', region: 'us', credentialVersion: 2 });
    const before = await Integration.findOne({ firmId: 'acme' }).lean();
    harness.clio.failTokenRequests = true;
    const { agent, state } = await startConnect();

    const response = await agent.get(`/oauth/clio/callback?code=expired-code&state=${state}`);
    const page = await agent.get(response.headers.location);

    expect(response.headers.location).toBe('/firms/acme/settings/integrations?notice=connect_failed');
    expect(harness.clio.tokenRequests).toBe(1);
    expect(harness.gateway.calls).toHaveLength(0);
    expect(await Credential.countDocuments()).toBe(0);
    expect(await Integration.findOne({ firmId: 'acme' }).lean()).toEqual(before);
    expect(page.text).toContain('contact CaseBridge support');
  });

  test('a Clio error other than access_denied changes nothing', async () => {
    const { agent, state } = await startConnect();

    const response = await agent.get(`/oauth/clio/callback?error=server_error&state=${state}`);

    expect(response.headers.location).toBe('/firms/acme/settings/integrations?notice=connect_failed');
    expect(harness.clio.tokenRequests).toBe(0);
  });
});
