import { api, connect, get, startSandbox, type Connection, type TestSandbox } from './sandbox-client';

const MATTERS = 100_000;

describe('account of 100,000 matters', () => {
  let sandbox: TestSandbox;
  let connection: Connection;
  let firstMatterId: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ defaultAccount: { matters: MATTERS, seed: 21 } });
    connection = await connect(sandbox);
    firstMatterId = sandbox.store.getAccount(sandbox.defaultAccountId ?? 0).matters.firstId;
  });

  afterAll(async () => {
    await sandbox.close();
  });

  test('cursor paging reaches the last page', async () => {
    const startedAt = Date.now();
    let answer = await api(sandbox, connection, '/matters.json?order=id(asc)&limit=200&fields=id');
    let pages = 1;
    let seen = answer.body.data.length;
    while (answer.body.meta.paging.next) {
      answer = await get(answer.body.meta.paging.next, { Authorization: `Bearer ${connection.accessToken}` });
      expect(answer.status).toBe(200);
      pages += 1;
      seen += answer.body.data.length;
    }
    const lastIds: number[] = answer.body.data.map((matter: { id: number }) => matter.id);

    expect(pages).toBe(MATTERS / 200);
    expect(seen).toBe(MATTERS);
    expect(lastIds.at(-1)).toBe(firstMatterId + MATTERS - 1);
    expect(lastIds).toHaveLength(200);
    expect(answer.body.meta.records).toBe(MATTERS);
    expect(Date.now() - startedAt).toBeLessThan(60_000);
  });

  test('offset paging stops at 10,000 records', async () => {
    const lastReachable = await api(sandbox, connection, '/matters.json?offset=9900&limit=200&fields=id');
    const next = await get(lastReachable.body.meta.paging.next, { Authorization: `Bearer ${connection.accessToken}` });
    const past = await api(sandbox, connection, '/matters.json?offset=10000&limit=1');

    expect(lastReachable.status).toBe(200);
    expect(lastReachable.body.data).toHaveLength(100);
    expect(lastReachable.body.data.at(-1).id).toBe(firstMatterId + 9999);
    expect(next.status).toBe(422);
    expect(past.status).toBe(422);
    expect(past.body.error.message).toContain('cursor paging');
  });

  test('descending order pages by offset and stops at 10,000 records too', async () => {
    const answer = await api(sandbox, connection, '/matters.json?order=id(desc)&offset=10000');

    expect(answer.status).toBe(422);
  });

  test('matter table stays within 64 bytes a matter', () => {
    const { matters } = sandbox.store.getAccount(sandbox.defaultAccountId ?? 0);
    const bytes = Object.values(matters)
      .filter((column): column is ArrayBufferView => ArrayBuffer.isView(column))
      .reduce((total, column) => total + column.byteLength, 0);

    expect(bytes / MATTERS).toBeLessThanOrEqual(64);
  });
});
