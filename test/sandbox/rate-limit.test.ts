import { admin, api, connect, createTestClock, startSandbox, type TestSandbox } from './sandbox-client';

describe('rate limit', () => {
  const clock = createTestClock('2026-03-02T15:00:10Z');
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ now: clock.now, rateLimit: { limit: 3, windowSeconds: 60 } });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  test('headers count down and the fourth request answers 429', async () => {
    const connection = await connect(sandbox);
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await api(sandbox, connection, '/matters.json?limit=1'));
    const windowEnd = String(Date.parse('2026-03-02T15:01:00Z') / 1000);

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((answer) => answer.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    expect(answers[0]?.headers.get('x-ratelimit-limit')).toBe('3');
    expect(answers[0]?.headers.get('x-ratelimit-reset')).toBe(windowEnd);
    expect(answers[3]?.headers.get('retry-after')).toBe('50');
    expect(answers[3]?.body.error.type).toBe('RateLimited');
  });

  test('limit resets with the next window', async () => {
    const connection = await connect(sandbox);
    for (let i = 0; i < 3; i += 1) await api(sandbox, connection, '/matters.json?limit=1');
    clock.advanceSeconds(60);

    const answer = await api(sandbox, connection, '/matters.json?limit=1');

    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  test('each access token has its own count', async () => {
    const first = await connect(sandbox);
    const second = await connect(sandbox);
    for (let i = 0; i < 3; i += 1) await api(sandbox, first, '/matters.json?limit=1');

    const answer = await api(sandbox, second, '/matters.json?limit=1');

    expect(answer.status).toBe(200);
  });

  test('admin turns the limit off and on', async () => {
    const connection = await connect(sandbox);

    const off = await admin(sandbox, 'PUT', '/rate-limit', { rateLimit: null });
    const unlimited = await api(sandbox, connection, '/matters.json?limit=1');
    const on = await admin(sandbox, 'PUT', '/rate-limit', { rateLimit: { limit: 50, windowSeconds: 60 } });
    const limited = await api(sandbox, connection, '/matters.json?limit=1');
    const invalid = await admin(sandbox, 'PUT', '/rate-limit', { rateLimit: { limit: 0, windowSeconds: 60 } });

    expect(off.body).toEqual({ rateLimit: null });
    expect(unlimited.headers.get('x-ratelimit-limit')).toBeNull();
    expect(on.body).toEqual({ rateLimit: { limit: 50, windowSeconds: 60 } });
    expect(limited.headers.get('x-ratelimit-limit')).toBe('50');
    expect(invalid.status).toBe(400);
  });
});
