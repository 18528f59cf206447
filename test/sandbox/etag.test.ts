import { admin, api, connect, createTestClock, startSandbox, type Connection, type TestSandbox } from './sandbox-client';

describe('etags and conditional requests', () => {
  const clock = createTestClock();
  let sandbox: TestSandbox;
  let connection: Connection;
  let accountId: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ now: clock.now });
    connection = await connect(sandbox);
    accountId = sandbox.defaultAccountId ?? 0;
  });

  afterAll(async () => {
    await sandbox.close();
  });

  function matterWithStage(): { matterId: number; otherStageId: number } {
    const account = sandbox.store.getAccount(accountId);
    for (let index = 0; index < account.matters.count; index += 1) {
      const area = account.practiceAreas[account.matters.practiceArea[index]];
      const current = account.matterStages[account.matters.matterStage[index]];
      const other = account.matterStages.find((stage) => stage.practiceAreaId === area?.id && stage.id !== current?.id);
      if (area && other) return { matterId: account.matters.idAt(index), otherStageId: other.id };
    }
    throw new Error('The generated account has no matter with a practice area.');
  }

  test('single matter carries ETag and Last-Modified', async () => {
    const { matterId } = matterWithStage();
    const answer = await api(sandbox, connection, `/matters/${matterId}.json?fields=id,etag,updated_at`);

    expect(answer.headers.get('etag')).toBe(answer.body.data.etag);
    expect(Date.parse(answer.headers.get('last-modified') ?? '')).toBe(Date.parse(answer.body.data.updated_at));
  });

  test('matching If-None-Match answers 304', async () => {
    const { matterId } = matterWithStage();
    const first = await api(sandbox, connection, `/matters/${matterId}.json`);
    const second = await api(sandbox, connection, `/matters/${matterId}.json`, { 'If-None-Match': first.body.data.etag });

    expect(second.status).toBe(304);
    expect(second.text).toBe('');
  });

  test('stale If-None-Match answers 200 after a stage move', async () => {
    const { matterId, otherStageId } = matterWithStage();
    const before = await api(sandbox, connection, `/matters/${matterId}.json?fields=etag,updated_at`);
    clock.advanceSeconds(60);

    const moved = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/stage`, { matterStageId: otherStageId });
    const after = await api(sandbox, connection, `/matters/${matterId}.json?fields=etag,updated_at`, { 'If-None-Match': before.body.data.etag });

    expect(moved.status).toBe(200);
    expect(after.status).toBe(200);
    expect(after.body.data.etag).not.toBe(before.body.data.etag);
    expect(after.body.data.etag).toBe(moved.body.etag);
  });

  test('who_am_i answers 304 for its etag', async () => {
    const first = await api(sandbox, connection, '/users/who_am_i.json');
    const second = await api(sandbox, connection, '/users/who_am_i.json', { 'If-None-Match': `W/${first.headers.get('etag')}` });

    expect(first.headers.get('etag')).toBe(first.body.data.etag);
    expect(second.status).toBe(304);
  });

  test('unknown matter answers 404', async () => {
    const answer = await api(sandbox, connection, '/matters/42.json');

    expect(answer.status).toBe(404);
    expect(answer.body.error.type).toBe('RecordNotFound');
    expect(answer.body.error.message).toContain('42');
  });

  test('unknown X-API-VERSION answers 410', async () => {
    const known = await api(sandbox, connection, '/users/who_am_i.json', { 'X-API-VERSION': '4.0.5' });
    const unknown = await api(sandbox, connection, '/users/who_am_i.json', { 'X-API-VERSION': '9.9.9' });

    expect(known.headers.get('x-api-version')).toBe('4.0.5');
    expect(unknown.status).toBe(410);
  });
});
