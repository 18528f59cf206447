import { admin, api, connect, createTestClock, postForm, refresh, startSandbox, type TestSandbox } from './sandbox-client';

describe('admin API', () => {
  const clock = createTestClock();
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ now: clock.now });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  test('create account returns its ids', async () => {
    const created = await admin(sandbox, 'POST', '/accounts', { region: 'ca', matters: 12, seed: 8, name: 'Maple Law' });
    const listed = await admin(sandbox, 'GET', '/accounts?region=ca');

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ accountId: expect.any(Number), userId: expect.any(Number), region: 'ca', name: 'Maple Law', matters: 12 });
    expect(listed.body.accounts.map((account: { accountId: number }) => account.accountId)).toEqual([created.body.accountId]);
  });

  test('account summary names contacts and custom fields', async () => {
    const created = await admin(sandbox, 'POST', '/accounts', { matters: 20, seed: 5 });

    expect(created.body.contacts).toBe(14);
    expect(created.body.firstContactId).toEqual(expect.any(Number));
    expect(created.body.customFields).toContainEqual({ id: expect.any(Number), name: 'Case phase', parentType: 'Matter', fieldType: 'picklist', deleted: false });
    expect(created.body.customFields.filter((field: { parentType: string }) => field.parentType === 'Contact').length).toBeGreaterThan(0);
  });

  test('create account defaults to us, 300 matters, seed 1', async () => {
    const created = await admin(sandbox, 'POST', '/accounts', {});

    expect(created.body).toMatchObject({ region: 'us', matters: 300, seed: 1 });
  });

  test('invalid account body answers 400 naming the value', async () => {
    const badRegion = await admin(sandbox, 'POST', '/accounts', { region: 'mars' });
    const badMatters = await admin(sandbox, 'POST', '/accounts', { matters: -5 });
    const unknownKey = await admin(sandbox, 'POST', '/accounts', { colour: 'red' });

    expect(badRegion.status).toBe(400);
    expect(badRegion.body.error.code).toBe('invalid_request');
    expect(badRegion.body.error.message).toContain('"mars"');
    expect(badMatters.body.error.message).toContain('-5');
    expect(unknownKey.status).toBe(400);
  });

  test('malformed JSON answers 400', async () => {
    const response = await fetch(`${sandbox.url}/_admin/accounts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"region":' });
    const body = (await response.json()) as { error: { code: string } };

    expect(response.status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
  });

  test('bare JSON null is named as such', async () => {
    const response = await fetch(`${sandbox.url}/_admin/accounts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'null' });
    const body = (await response.json()) as { error: { code: string; message: string } };

    expect(response.status).toBe(400);
    expect(body.error.message).toBe('The request body is a JSON null; send a JSON object.');
  });

  test('unknown account answers 404', async () => {
    const revoke = await admin(sandbox, 'POST', '/accounts/999999/revoke');
    const badId = await admin(sandbox, 'POST', '/accounts/abc/expire-access-tokens');

    expect(revoke.status).toBe(404);
    expect(revoke.body.error.code).toBe('account_not_found');
    expect(revoke.body.error.message).toContain('999999');
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toContain('"abc"');
  });

  test('stage move bumps etag, updated_at and stage time', async () => {
    const account = sandbox.store.getAccount(sandbox.defaultAccountId ?? 0);
    const index = Array.from({ length: account.matters.count }, (_, i) => i).find((i) => account.matters.practiceArea[i] !== -1) ?? 0;
    const matterId = account.matters.idAt(index);
    const area = account.practiceAreas[account.matters.practiceArea[index] ?? 0];
    const target = account.matterStages.filter((stage) => stage.practiceAreaId === area?.id).at(-1);
    const connection = await connect(sandbox);
    const fields = 'etag,updated_at,matter_stage_updated_at,matter_stage{id}';
    const before = await api(sandbox, connection, `/matters/${matterId}.json?fields=${fields}`);
    clock.advanceSeconds(30);

    const moved = await admin(sandbox, 'POST', `/accounts/${account.id}/matters/${matterId}/stage`, { matterStageId: target?.id });
    const after = await api(sandbox, connection, `/matters/${matterId}.json?fields=${fields}`);

    expect(moved.status).toBe(200);
    expect(after.body.data.matter_stage.id).toBe(target?.id);
    expect(after.body.data.etag).not.toBe(before.body.data.etag);
    expect(Date.parse(after.body.data.updated_at)).toBe(clock.now().getTime());
    expect(after.body.data.matter_stage_updated_at).toBe(after.body.data.updated_at);
    expect(moved.body).toEqual({
      matterId,
      matterStageId: target?.id,
      etag: after.body.data.etag,
      updatedAt: after.body.data.updated_at,
      matterStageUpdatedAt: after.body.data.matter_stage_updated_at,
    });
  });

  test('stage move rejects a stage of another practice area', async () => {
    const account = sandbox.store.getAccount(sandbox.defaultAccountId ?? 0);
    const index = Array.from({ length: account.matters.count }, (_, i) => i).find((i) => account.matters.practiceArea[i] !== -1) ?? 0;
    const areaId = account.practiceAreas[account.matters.practiceArea[index] ?? 0]?.id;
    const foreign = account.matterStages.find((stage) => stage.practiceAreaId !== areaId);

    const answer = await admin(sandbox, 'POST', `/accounts/${account.id}/matters/${account.matters.idAt(index)}/stage`, { matterStageId: foreign?.id });
    const missing = await admin(sandbox, 'POST', `/accounts/${account.id}/matters/1/stage`, { matterStageId: foreign?.id });
    const badBody = await admin(sandbox, 'POST', `/accounts/${account.id}/matters/${account.matters.idAt(index)}/stage`, { matterStageId: 'first' });

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('matter_stage_outside_practice_area');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('matter_not_found');
    expect(badBody.status).toBe(400);
    expect(badBody.body.error.message).toContain('"first"');
  });

  test('tokens lists the real token strings', async () => {
    const created = await admin(sandbox, 'POST', '/accounts', { matters: 3, seed: 2 });
    const accountId: number = created.body.accountId;
    const connection = await connect(sandbox, 'us', accountId);
    const refreshed = await refresh(sandbox, connection.refreshToken);

    const tokens = await admin(sandbox, 'GET', `/tokens?accountId=${accountId}`);
    const accessTokens = tokens.body.accessTokens.map((token: { token: string }) => token.token);

    expect(accessTokens.sort()).toEqual([connection.accessToken, refreshed.body.access_token].sort());
    expect(tokens.body.refreshTokens).toEqual([expect.objectContaining({ token: connection.refreshToken, status: 'active', accountId })]);
  });

  test('tokens rejects a bad accountId', async () => {
    const answer = await admin(sandbox, 'GET', '/tokens?accountId=x1');

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('accountId');
  });

  test('request counts cover token grants, routes and statuses', async () => {
    await admin(sandbox, 'POST', '/requests/reset');
    const connection = await connect(sandbox);
    await refresh(sandbox, connection.refreshToken);
    await api(sandbox, connection, '/matters.json');
    await api(sandbox, connection, '/matters.json?limit=1');
    const firstMatterId = sandbox.store.getAccount(sandbox.defaultAccountId ?? 0).matters.firstId;
    await api(sandbox, connection, `/matters/${firstMatterId}.json`);
    await api(sandbox, { ...connection, accessToken: 'bad' }, '/users/who_am_i.json');
    await postForm(`${sandbox.url}/us/oauth/token`, { client_id: 'casebridge-dev', client_secret: 'casebridge-dev-secret' });

    const counts = await admin(sandbox, 'GET', '/requests');

    expect(counts.body.tokenEndpoint).toEqual({ authorization_code: 1, refresh_token: 1, missing: 1 });
    expect(counts.body.oauth).toEqual({ 'POST /oauth/authorize': 1 });
    expect(counts.body.api).toEqual({ 'GET /matters.json': 2, 'GET /matters/{id}.json': 1, 'GET /users/who_am_i.json': 1 });
    expect(counts.body.apiByAccount).toEqual({ [String(sandbox.defaultAccountId)]: 3 });
    expect(counts.body.byStatus).toEqual({ '200': 5, '302': 1, '400': 1, '401': 1 });
    expect(counts.body.total).toBe(8);
  });

  test('request reset zeroes the counts', async () => {
    const reset = await admin(sandbox, 'POST', '/requests/reset');
    const counts = await admin(sandbox, 'GET', '/requests');

    expect(reset.body.total).toBe(0);
    expect(counts.body.api).toEqual({});
  });

  test('unknown admin route answers 404', async () => {
    const answer = await admin(sandbox, 'GET', '/nothing-here');

    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('route_not_found');
  });
});
