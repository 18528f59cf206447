import request from 'supertest';
import { startApiHarness, type ApiHarness } from './support/api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await startApiHarness('security-headers');
});

afterAll(async () => {
  await harness?.stop();
});

const responses: Array<[name: string, send: () => request.Test]> = [
  ['a page', () => request(harness.url).get('/sign-in')],
  ['an API response', () => request(harness.url).get('/api/firms/acme/projects').set('Authorization', `Bearer ${harness.seed.acmeAdmin.token}`)],
  ['an API error', () => request(harness.url).get('/api/firms/acme/projects')],
  ['a missing page', () => request(harness.url).get('/no-such-page')],
  ['the health check', () => request(harness.url).get('/healthz')],
];

describe.each(responses)('headers of %s', (_name, send) => {
  let headers: Record<string, string>;

  beforeAll(async () => {
    headers = (await send()).headers as Record<string, string>;
  });

  test('forbid scripts, framing and base changes', () => {
    expect(headers['content-security-policy']).toBe("default-src 'none';style-src 'unsafe-inline';frame-ancestors 'none';base-uri 'none'");
  });

  test('deny framing', () => {
    expect(headers['x-frame-options']).toBe('DENY');
  });

  test('forbid MIME sniffing', () => {
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  test('send no Referer', () => {
    expect(headers['referrer-policy']).toBe('no-referrer');
  });

  test('keep HTTPS for 180 days', () => {
    expect(headers['strict-transport-security']).toBe('max-age=15552000');
  });

  test('isolate the browsing context', () => {
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  test('forbid caching', () => {
    expect(headers['cache-control']).toBe('no-store');
  });

  test('hide the framework', () => {
    expect(headers['x-powered-by']).toBeUndefined();
  });
});
