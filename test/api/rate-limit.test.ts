import request from 'supertest';
import { startApiHarness, type ApiHarness } from './support/api-harness';

const WINDOW_SECONDS = 60;
let harness: ApiHarness;

beforeAll(async () => {
  harness = await startApiHarness('rate-limit', {
    env: { API_RATE_LIMIT_PER_TOKEN: '3', API_RATE_LIMIT_PER_IP: '8', API_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS) },
  });
});

afterAll(async () => {
  await harness?.stop();
});

beforeEach(() => {
  // Each test starts in a fresh window for every key.
  harness.clock.advance(WINDOW_SECONDS * 1000 + 1000);
});

const integrationOf = (token: string) => request(harness.url).get('/api/firms/acme/integrations/clio').set('Authorization', `Bearer ${token}`);

describe('API rate limit per token', () => {
  test('answers 429 after 3 requests in a window', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      statuses.push((await integrationOf(harness.seed.acmeAdmin.token)).status);
    }

    const limited = await integrationOf(harness.seed.acmeAdmin.token);

    expect(statuses).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.message).toContain('with this API token');
    expect(limited.body.error.requestId).toBe(limited.headers['x-request-id']);
  });

  test('sends Retry-After within the window', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      await integrationOf(harness.seed.acmeAdmin.token);
    }
    harness.clock.advance(20_000);

    const limited = await integrationOf(harness.seed.acmeAdmin.token);

    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('40');
  });

  test('sends the remaining count', async () => {
    const first = await integrationOf(harness.seed.acmeAdmin.token);

    expect(first.headers['ratelimit-limit']).toBe('3');
    expect(first.headers['ratelimit-remaining']).toBe('2');
  });

  test('counts each token separately', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      await integrationOf(harness.seed.acmeAdmin.token);
    }

    const other = await integrationOf(harness.seed.staff.token);

    expect(other.status).toBe(200);
  });

  test('counts a browser session per user', async () => {
    const agent = await harness.signIn(harness.seed.acmeAdmin.email);
    for (let attempt = 0; attempt < 3; attempt++) {
      await agent.get('/api/firms/acme/integrations/clio');
    }

    const limited = await agent.get('/api/firms/acme/integrations/clio');

    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toContain('from your browser session');
  });

  test('allows requests again in the next window', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      await integrationOf(harness.seed.acmeAdmin.token);
    }
    harness.clock.advance(WINDOW_SECONDS * 1000);

    const next = await integrationOf(harness.seed.acmeAdmin.token);

    expect(next.status).toBe(200);
  });
});

describe('API rate limit per address', () => {
  test('counts requests without a token', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      statuses.push((await request(harness.url).get('/api/firms/acme/integrations/clio')).status);
    }

    const limited = await request(harness.url).get('/api/firms/acme/integrations/clio');

    expect(statuses.every((status) => status === 401)).toBe(true);
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toContain('from this address');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  test('limits every token from one address together', async () => {
    const tokens = [harness.seed.acmeAdmin.token, harness.seed.betaAdmin.token, harness.seed.staff.token];
    for (let attempt = 0; attempt < 8; attempt++) {
      await integrationOf(tokens[attempt % 3]);
    }

    const limited = await integrationOf(harness.seed.staff.token);

    expect(limited.status).toBe(429);
  });

  test('limits the OpenAPI document too', async () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      await request(harness.url).get('/api/openapi.json');
    }

    const limited = await request(harness.url).get('/api/openapi.json');

    expect(limited.status).toBe(429);
  });

  test('leaves pages alone', async () => {
    for (let attempt = 0; attempt < 9; attempt++) {
      await request(harness.url).get('/api/openapi.json');
    }

    const page = await request(harness.url).get('/sign-in');

    expect(page.status).toBe(200);
  });
});
