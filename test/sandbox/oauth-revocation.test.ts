import { admin, api, connect, postForm, refresh, startSandbox, type TestSandbox } from './sandbox-client';

describe('OAuth revocation', () => {
  let sandbox: TestSandbox;
  let accountId: number;

  beforeAll(async () => {
    sandbox = await startSandbox();
    accountId = sandbox.defaultAccountId ?? 0;
  });

  afterAll(async () => {
    await sandbox.close();
  });

  test('admin revoke kills refresh and access tokens', async () => {
    const connection = await connect(sandbox);

    const revoked = await admin(sandbox, 'POST', `/accounts/${accountId}/revoke`);
    const refreshAnswer = await refresh(sandbox, connection.refreshToken);
    const apiAnswer = await api(sandbox, connection, '/matters.json');

    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedGrants).toBeGreaterThanOrEqual(1);
    expect(refreshAnswer.status).toBe(400);
    expect(refreshAnswer.body.error).toBe('invalid_grant');
    expect(apiAnswer.status).toBe(401);
    expect(apiAnswer.body).toEqual({ error: 'invalid_token', error_description: expect.any(String) });
    expect(apiAnswer.headers.get('www-authenticate')).toContain('invalid_token');
  });

  test('deauthorize revokes the grant', async () => {
    const connection = await connect(sandbox);
    const other = await connect(sandbox);

    const answer = await postForm(
      `${sandbox.url}/us/oauth/deauthorize`,
      { token: connection.accessToken },
      { Authorization: `Bearer ${connection.accessToken}` },
    );

    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    expect((await api(sandbox, connection, '/matters.json')).status).toBe(401);
    expect((await refresh(sandbox, connection.refreshToken)).body.error).toBe('invalid_grant');
    expect((await api(sandbox, other, '/matters.json')).status).toBe(200);
  });

  test('deauthorize needs a valid bearer token', async () => {
    const answer = await postForm(`${sandbox.url}/us/oauth/deauthorize`, { token: 'x' }, { Authorization: 'Bearer nope' });

    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_token');
  });

  test('deauthorize needs the token field', async () => {
    const connection = await connect(sandbox);
    const answer = await postForm(`${sandbox.url}/us/oauth/deauthorize`, {}, { Authorization: `Bearer ${connection.accessToken}` });

    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_request');
  });

  test('expired access token recovers by refresh', async () => {
    const connection = await connect(sandbox);

    const expired = await admin(sandbox, 'POST', `/accounts/${accountId}/expire-access-tokens`);
    const rejected = await api(sandbox, connection, '/matters.json');
    const refreshed = await refresh(sandbox, connection.refreshToken);
    const accepted = await api(sandbox, { ...connection, accessToken: refreshed.body.access_token }, '/matters.json');

    expect(expired.body.expiredAccessTokens).toBeGreaterThanOrEqual(1);
    expect(rejected.status).toBe(401);
    expect(rejected.body.error).toBe('invalid_token');
    expect(rejected.body.error_description).toContain('expired');
    expect(refreshed.status).toBe(200);
    expect(accepted.status).toBe(200);
  });

  test('missing bearer token answers invalid_token', async () => {
    const apiAnswer = await fetch(`${sandbox.url}/us/api/v4/matters.json`);

    expect(apiAnswer.status).toBe(401);
    expect(await apiAnswer.json()).toEqual({ error: 'invalid_token', error_description: expect.stringContaining('Authorization: Bearer') });
  });
});
