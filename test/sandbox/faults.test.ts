import { admin, api, connect, startSandbox, type Connection, type ParsedResponse, type TestSandbox } from './sandbox-client';

describe('injected faults', () => {
  let sandbox: TestSandbox;
  let connection: Connection;
  let accountId: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ defaultAccount: { matters: 10, seed: 3 } });
    connection = await connect(sandbox);
    accountId = sandbox.defaultAccountId ?? 0;
  });

  afterEach(async () => {
    await admin(sandbox, 'DELETE', `/accounts/${accountId}/faults`);
  });

  afterAll(async () => {
    await sandbox.close();
  });

  async function callMany(count: number, target: Connection = connection): Promise<ParsedResponse[]> {
    const answers: ParsedResponse[] = [];
    for (let i = 0; i < count; i += 1) answers.push(await api(sandbox, target, '/matters.json?limit=1'));
    return answers;
  }

  test('storm answers 429 to count requests after afterRequests', async () => {
    const set = await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, { rateLimitStorm: { afterRequests: 2, count: 3, retryAfterSeconds: 7 } });

    const answers = await callMany(7);

    expect(set.status).toBe(200);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429, 429, 429, 200, 200]);
    expect(answers[2]?.headers.get('retry-after')).toBe('7');
    expect(answers[2]?.body).toEqual({ error: { type: 'RateLimited', message: expect.stringContaining('7 seconds') } });
    expect(answers[5]?.headers.get('retry-after')).toBeNull();
  });

  test('error sequence repeats for the same seed', async () => {
    const body = { errorRatio: 0.5, errorSeed: 42 };
    await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, body);
    const first = (await callMany(20)).map((answer) => answer.status);
    await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, body);
    const second = (await callMany(20)).map((answer) => answer.status);
    await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, { ...body, errorSeed: 43 });
    const otherSeed = (await callMany(20)).map((answer) => answer.status);

    expect(second).toEqual(first);
    expect(otherSeed).not.toEqual(first);
    expect(first.filter((status) => status >= 500).length).toBeGreaterThan(3);
    expect(first.filter((status) => status === 200).length).toBeGreaterThan(3);
    for (const status of first) expect([200, 500, 502, 503]).toContain(status);
  });

  test('5xx answers carry Clio error bodies', async () => {
    await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, { errorRatio: 1, errorStatuses: [503] });

    const answer = await api(sandbox, connection, '/matters.json?limit=1');

    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ error: { type: 'ServiceUnavailable', message: expect.any(String) } });
  });

  test('latency delays each answer', async () => {
    await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, { latencyMs: 150 });
    const startedAt = Date.now();

    const answer = await api(sandbox, connection, '/matters.json?limit=1');

    expect(answer.status).toBe(200);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
  });

  test('GET reports counts and DELETE clears', async () => {
    await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, { rateLimitStorm: { afterRequests: 1, count: 2, retryAfterSeconds: 1 } });
    await callMany(2);

    const state = await admin(sandbox, 'GET', `/accounts/${accountId}/faults`);
    const cleared = await admin(sandbox, 'DELETE', `/accounts/${accountId}/faults`);
    const afterClear = await admin(sandbox, 'GET', `/accounts/${accountId}/faults`);
    const answer = await api(sandbox, connection, '/matters.json?limit=1');

    expect(state.body).toMatchObject({ accountId, requestsSeen: 2, stormAnswersLeft: 1, serverErrors: 0 });
    expect(state.body.faults.rateLimitStorm).toEqual({ afterRequests: 1, count: 2, retryAfterSeconds: 1 });
    expect(cleared.body).toEqual({ accountId, faults: null });
    expect(afterClear.body).toEqual({ accountId, faults: null });
    expect(answer.status).toBe(200);
  });

  test('faults stay with their account', async () => {
    const other = await admin(sandbox, 'POST', '/accounts', { matters: 3, seed: 9 });
    const otherConnection = await connect(sandbox, 'us', other.body.accountId);
    await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, { errorRatio: 1 });

    const faulty = await api(sandbox, connection, '/matters.json?limit=1');
    const healthy = await api(sandbox, otherConnection, '/matters.json?limit=1');

    expect(faulty.status).toBeGreaterThanOrEqual(500);
    expect(healthy.status).toBe(200);
  });

  test('invalid fault bodies answer 400', async () => {
    const ratio = await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, { errorRatio: 1.5 });
    const storm = await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, { rateLimitStorm: { afterRequests: 0, count: 0, retryAfterSeconds: 1 } });
    const status = await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, { errorStatuses: [404] });
    const unknown = await admin(sandbox, 'POST', '/accounts/999999/faults', {});

    expect(ratio.status).toBe(400);
    expect(ratio.body.error.message).toContain('1.5');
    expect(storm.status).toBe(400);
    expect(status.status).toBe(400);
    expect(unknown.status).toBe(404);
  });
});

describe('faults with the global rate limit', () => {
  test('storm answers keep the rate-limit headers', async () => {
    const sandbox = await startSandbox({ defaultAccount: { matters: 5, seed: 3 }, rateLimit: { limit: 10, windowSeconds: 60 } });
    try {
      const connection = await connect(sandbox);
      await admin(sandbox, 'POST', `/accounts/${sandbox.defaultAccountId}/faults`, { rateLimitStorm: { afterRequests: 1, count: 1, retryAfterSeconds: 30 } });

      const passed = await api(sandbox, connection, '/matters.json?limit=1');
      const stormed = await api(sandbox, connection, '/matters.json?limit=1');

      expect(passed.headers.get('x-ratelimit-limit')).toBe('10');
      expect(stormed.status).toBe(429);
      expect(stormed.headers.get('x-ratelimit-limit')).toBe('10');
      expect(stormed.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(stormed.headers.get('retry-after')).toBe('30');
    } finally {
      await sandbox.close();
    }
  });
});
