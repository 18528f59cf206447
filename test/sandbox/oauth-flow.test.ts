import {
  CLIENT_ID,
  CLIENT_SECRET,
  REDIRECT_URI,
  api,
  connect,
  createTestClock,
  exchangeCode,
  get,
  obtainCode,
  postForm,
  refresh,
  startSandbox,
  submitConsent,
  type TestSandbox,
} from './sandbox-client';

describe('OAuth authorization code flow', () => {
  const clock = createTestClock();
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ now: clock.now });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  test('consent page shows app, accounts and buttons', async () => {
    const query = new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, state: 's1' });
    const page = await get(`${sandbox.url}/us/oauth/authorize?${query}`);

    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Clio sandbox: authorize CaseBridge</title>');
    expect(page.text).toContain('<select id="account_id" name="account_id">');
    expect(page.text).toMatch(/<option value="1001" selected>/);
    expect(page.text).toContain('<form method="post" action="/us/oauth/authorize">');
    expect(page.text).toContain('<input type="hidden" name="state" value="s1">');
    expect(page.text).toContain('<input type="hidden" name="redirect_on_decline" value="false">');
    expect(page.text).toContain('<button type="submit" name="decision" value="allow">Allow Access</button>');
    expect(page.text).toContain('<button type="submit" name="decision" value="deny">Deny</button>');
  });

  test('authorize rejects unknown client_id', async () => {
    const query = new URLSearchParams({ response_type: 'code', client_id: 'someone-else', redirect_uri: REDIRECT_URI });
    const page = await get(`${sandbox.url}/us/oauth/authorize?${query}`);

    expect(page.status).toBe(400);
    expect(page.text).toContain('client_id &quot;someone-else&quot; is not an app registered');
  });

  test('authorize rejects missing redirect_uri', async () => {
    const page = await get(`${sandbox.url}/us/oauth/authorize?response_type=code&client_id=${CLIENT_ID}`);

    expect(page.status).toBe(400);
    expect(page.text).toContain('no redirect_uri');
  });

  test('authorize redirects wrong response_type', async () => {
    const query = new URLSearchParams({ response_type: 'token', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, state: 's2' });
    const answer = await get(`${sandbox.url}/us/oauth/authorize?${query}`);
    const location = new URL(answer.headers.get('location') ?? '');

    expect(answer.status).toBe(302);
    expect(location.searchParams.get('error')).toBe('unsupported_response_type');
    expect(location.searchParams.get('state')).toBe('s2');
  });

  test('allow redirects with code and state', async () => {
    const answer = await submitConsent(sandbox, { state: 'abc' });
    const location = new URL(answer.headers.get('location') ?? '');

    expect(answer.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(location.searchParams.get('state')).toBe('abc');
  });

  test('deny with redirect_on_decline redirects access_denied', async () => {
    const answer = await submitConsent(sandbox, { decision: 'deny', redirectOnDecline: true, state: 'xyz' });
    const location = new URL(answer.headers.get('location') ?? '');

    expect(answer.status).toBe(302);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(location.searchParams.has('code')).toBe(false);
  });

  test('deny without redirect_on_decline shows a page', async () => {
    const answer = await submitConsent(sandbox, { decision: 'deny', redirectOnDecline: false });

    expect(answer.status).toBe(200);
    expect(answer.headers.get('location')).toBeNull();
    expect(answer.text).toContain('Access denied');
  });

  test('consent rejects an account of another region', async () => {
    const euAccount = sandbox.store.createAccount({ region: 'eu', matters: 1, seed: 5 });
    const answer = await submitConsent(sandbox, { region: 'us', accountId: euAccount.id });

    expect(answer.status).toBe(400);
    expect(answer.text).toContain(`account_id &quot;${euAccount.id}&quot; is not an account of the US region`);
  });

  test('code exchange returns bearer tokens', async () => {
    const code = await obtainCode(sandbox);
    const answer = await exchangeCode(sandbox, code);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body.token_type).toBe('bearer');
    expect(answer.body.expires_in).toBe(2592000);
    expect(answer.body.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(answer.body.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(answer.body.access_token).not.toBe(answer.body.refresh_token);
  });

  test('code reuse answers invalid_grant', async () => {
    const code = await obtainCode(sandbox);
    await exchangeCode(sandbox, code);
    const second = await exchangeCode(sandbox, code);

    expect(second.status).toBe(400);
    expect(second.body.error).toBe('invalid_grant');
    expect(typeof second.body.error_description).toBe('string');
  });

  test('code expires after ten minutes', async () => {
    const code = await obtainCode(sandbox);
    clock.advanceSeconds(601);
    const answer = await exchangeCode(sandbox, code);

    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_grant');
  });

  test('code exchange checks redirect_uri', async () => {
    const code = await obtainCode(sandbox);
    const answer = await exchangeCode(sandbox, code, 'us', { redirect_uri: 'http://127.0.0.1:9/elsewhere' });

    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_grant');
  });

  test('wrong client_secret answers invalid_client', async () => {
    const code = await obtainCode(sandbox);
    const answer = await exchangeCode(sandbox, code, 'us', { client_secret: 'wrong' });

    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_client');
  });

  test('client credentials in HTTP Basic work', async () => {
    const code = await obtainCode(sandbox);
    const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
    const answer = await postForm(
      `${sandbox.url}/us/oauth/token`,
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
      { Authorization: `Basic ${basic}` },
    );

    expect(answer.status).toBe(200);
    expect(answer.body.token_type).toBe('bearer');
  });

  test('wrong Basic secret answers invalid_client with a challenge', async () => {
    const basic = Buffer.from(`${CLIENT_ID}:nope`).toString('base64');
    const answer = await postForm(`${sandbox.url}/us/oauth/token`, { grant_type: 'refresh_token', refresh_token: 'x' }, { Authorization: `Basic ${basic}` });

    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_client');
    expect(answer.headers.get('www-authenticate')).toContain('Basic');
  });

  test('unknown grant_type answers unsupported_grant_type', async () => {
    const answer = await postForm(`${sandbox.url}/us/oauth/token`, { grant_type: 'password', client_id: CLIENT_ID, client_secret: CLIENT_SECRET });

    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('unsupported_grant_type');
  });

  test('refresh issues a new access token and keeps the refresh token', async () => {
    const connection = await connect(sandbox);
    const first = await refresh(sandbox, connection.refreshToken);
    const second = await refresh(sandbox, connection.refreshToken);

    expect(first.status).toBe(200);
    expect(first.body.token_type).toBe('bearer');
    expect(first.body.access_token).not.toBe(connection.accessToken);
    expect(first.body.refresh_token).toBeUndefined();
    expect(second.status).toBe(200);
    const whoAmI = await api(sandbox, { ...connection, accessToken: first.body.access_token }, '/users/who_am_i.json');
    expect(whoAmI.status).toBe(200);
  });

  test('unknown refresh token answers invalid_grant', async () => {
    const answer = await refresh(sandbox, 'not-a-token');

    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_grant');
  });

  test('access token expires after expires_in', async () => {
    const connection = await connect(sandbox);
    clock.advanceSeconds(2592000);
    const answer = await api(sandbox, connection, '/users/who_am_i.json');

    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_token');
  });
});

describe('OAuth refresh response option', () => {
  test('refresh repeats refresh_token when configured', async () => {
    const sandbox = await startSandbox({ refreshResponseIncludesRefreshToken: true });
    try {
      const connection = await connect(sandbox);
      const answer = await refresh(sandbox, connection.refreshToken);

      expect(answer.body.refresh_token).toBe(connection.refreshToken);
    } finally {
      await sandbox.close();
    }
  });
});
