import { api, connect, exchangeCode, get, obtainCode, refresh, startSandbox, type TestSandbox } from './sandbox-client';

describe('regions', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
    sandbox.store.createAccount({ region: 'eu', matters: 5, seed: 11, name: 'Dublin Partners' });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  test('token of one region is rejected in another', async () => {
    const usConnection = await connect(sandbox, 'us');

    const inUs = await api(sandbox, usConnection, '/users/who_am_i.json');
    const inEu = await api(sandbox, { ...usConnection, region: 'eu' }, '/users/who_am_i.json');

    expect(inUs.status).toBe(200);
    expect(inEu.status).toBe(401);
    expect(inEu.body.error).toBe('invalid_token');
  });

  test('code and refresh token stay in their region', async () => {
    const code = await obtainCode(sandbox, 'us');
    const crossExchange = await exchangeCode(sandbox, code, 'au');
    const usConnection = await connect(sandbox, 'us');
    const crossRefresh = await refresh(sandbox, usConnection.refreshToken, 'ca');

    expect(crossExchange.status).toBe(400);
    expect(crossExchange.body.error).toBe('invalid_grant');
    expect(crossRefresh.status).toBe(400);
    expect(crossRefresh.body.error).toBe('invalid_grant');
  });

  test('each region serves only its accounts', async () => {
    const euConnection = await connect(sandbox, 'eu');
    const matters = await api(sandbox, euConnection, '/matters.json');
    const user = await api(sandbox, euConnection, '/users/who_am_i.json?fields=time_zone');

    expect(matters.body.meta.records).toBe(5);
    expect(user.body.data.time_zone).toBe('London');
  });

  test('consent page lists only the region accounts', async () => {
    const query = 'response_type=code&client_id=casebridge-dev&redirect_uri=http://127.0.0.1:9/cb';
    const eu = await get(`${sandbox.url}/eu/oauth/authorize?${query}`);
    const au = await get(`${sandbox.url}/au/oauth/authorize?${query}`);

    expect(eu.text).toContain('Dublin Partners');
    expect(eu.text).not.toContain('value="1001"');
    expect(au.status).toBe(200);
    expect(au.text).toContain('no accounts yet');
  });

  test('unknown region answers 404', async () => {
    const answer = await get(`${sandbox.url}/mars/api/v4/matters.json`);

    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toContain('"mars"');
  });
});
