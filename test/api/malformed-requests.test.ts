import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { isErrorCode } from '../../api/errors';
import { createSignInLink } from '../../lib/auth';
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { listApiRoutes, listPageRoutes, type MountedRoute } from './support/router-routes';

let harness: ApiHarness;
let sessionCookie: string;

beforeAll(async () => {
  harness = await startApiHarness('malformed-requests', { env: { API_RATE_LIMIT_PER_TOKEN: '1000000', API_RATE_LIMIT_PER_IP: '1000000' } });
  const link = await createSignInLink({ email: harness.seed.staff.email, publicUrl: harness.url, now: harness.clock.now() });
  const opened = await request(harness.url).get(`/sign-in/${link.token}`).expect(302);
  sessionCookie = String(opened.headers['set-cookie']).split(';')[0];
});

afterAll(async () => {
  await harness?.stop();
});

/** A request exactly as written: no client-side encoding or normalisation of the path. */
interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

function send(raw: RawRequest): Promise<{ status: number; type: string; text: string }> {
  const url = new URL(harness.url);
  // Node sends no Content-Length for a GET body by itself, and without one the server would read the body as a second request.
  const headers = raw.body === undefined ? raw.headers : { ...raw.headers, 'Content-Length': String(Buffer.byteLength(raw.body)) };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: raw.method, path: raw.path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text }));
    });
    req.on('error', reject);
    req.end(raw.body);
  });
}

/** Valid values for the path parameters the routers use; any other parameter gets `x1`. */
const VALID_PARAMS: Record<string, string> = { firmId: 'acme', clioMatterId: '1', syncRunId: 'run-1', token: 'A'.repeat(43) };

function fillPath(path: string, override?: { name: string; value: string }): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => (override?.name === name ? override.value : (VALID_PARAMS[name] ?? 'x1')));
}

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const json = { 'Content-Type': 'application/json' };

/** Bodies a client can get wrong, sent to every route whatever its method. */
const BODIES: Array<[name: string, headers: Record<string, string>, body: Buffer | string]> = [
  ['truncated JSON', json, '{"matterId": 1'],
  ['JSON null', json, 'null'],
  ['JSON string', json, '"text"'],
  ['JSON number', json, '123'],
  ['JSON array', json, '[1,2,3]'],
  ['prototype key', json, '{"__proto__":{"role":"staff"}}'],
  ['constructor key', json, '{"constructor":{"prototype":{"polluted":true}}}'],
  ['deep nesting', json, nested(5000)],
  ['huge number', json, '{"matterId":1e400,"limit":1e400,"mode":1e400}'],
  ['wrong field types', json, '{"matterId":{"id":[1]},"mode":["full"],"templates":"x","projectTypes":{},"email":7,"password":[]}'],
  ['200 kB body', json, `{"matterId":"${'9'.repeat(200 * 1024)}"}`],
  ['invalid UTF-8', json, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
  ['UTF-16 charset', { 'Content-Type': 'application/json; charset=utf-16' }, '{}'],
  ['unparseable content type', { 'Content-Type': 'application/json;;; charset' }, '{}'],
  ['plain text', { 'Content-Type': 'text/plain' }, 'matterId=1'],
  ['form body', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'matterId=1&_csrf=x&email=a&password=b&email=c'],
  ['corrupt gzip', { ...json, 'Content-Encoding': 'gzip' }, Buffer.from('not gzip at all')],
  ['gzip bomb', { ...json, 'Content-Encoding': 'gzip' }, gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20))],
  ['unknown encoding', { ...json, 'Content-Encoding': 'zstd-ultra' }, '{}'],
];

/** Query strings a client can get wrong. */
const QUERIES = [
  '?unknown=1',
  '?limit=abc&offset=-1',
  '?limit=1&limit=2',
  '?limit[]=1&offset[a]=2',
  '?limit=1e400&offset=99999999999999999999999',
  '?__proto__=x&constructor=y&hasOwnProperty=z',
  '?%=1&%E0%A4%A=2',
  '?region=mars&notice=<b>&state=x&code=y',
  `?${'a=1&'.repeat(2000)}`,
];

/** Path parameter values a client can get wrong. */
const PARAM_VALUES = ['%', '%E0%A4%A', '%00', '%2F..%2F', 'A_B', 'x'.repeat(2000), '%E2%98%83', '%20', '-1', '1.5', '99999999999999999999'];

/** Authorization headers a client can get wrong. */
const AUTHORIZATIONS = ['Bearer', 'Bearer  ', 'Bearer cb_', `Bearer cb_${'x'.repeat(6000)}`, 'Basic Og==', 'bearer cb_a cb_b', 'Bearer %00'];

function casesFor(route: MountedRoute, auth: Record<string, string>): Array<[string, RawRequest]> {
  const method = route.method.toUpperCase();
  const path = fillPath(route.path);
  const cases: Array<[string, RawRequest]> = [];
  for (const [name, headers, body] of BODIES) {
    cases.push([`body: ${name}`, { method, path, headers: { ...auth, ...headers }, body }]);
  }
  for (const query of QUERIES) {
    cases.push([`query: ${query.slice(0, 40)}`, { method, path: `${path}${query}`, headers: auth }]);
  }
  for (const name of route.path.match(/:([A-Za-z0-9_]+)/g) ?? []) {
    for (const value of PARAM_VALUES) {
      cases.push([`${name}=${value.slice(0, 20)}`, { method, path: fillPath(route.path, { name: name.slice(1), value }), headers: auth }]);
    }
  }
  for (const authorization of AUTHORIZATIONS) {
    cases.push([`Authorization: ${authorization.slice(0, 20)}`, { method, path, headers: { Authorization: authorization } }]);
  }
  cases.push(['X-Request-Id with odd characters', { method, path, headers: { ...auth, 'X-Request-Id': '../a%0d%0ab{}"' } }]);
  return cases;
}

/** Sends every case and lists those that got a 5xx, or, under /api, an error body outside the catalogue. */
async function failuresOf(route: MountedRoute, prefix: string, auth: Record<string, string>): Promise<string[]> {
  const failures: string[] = [];
  for (const [name, raw] of casesFor({ ...route, path: `${prefix}${route.path}` }, auth)) {
    const response = await send(raw).catch((error: Error) => ({ status: 0, type: '', text: error.message }));
    if (response.status === 0 || response.status >= 500) {
      failures.push(`${name}: ${response.status} ${response.text.slice(0, 200)}`);
      continue;
    }
    if (prefix === '/api' && response.status >= 400) {
      const code: unknown = response.type.startsWith('application/json') ? JSON.parse(response.text)?.error?.code : undefined;
      if (typeof code !== 'string' || !isErrorCode(code)) {
        failures.push(`${name}: ${response.status} without a catalogue error: ${response.text.slice(0, 200)}`);
      }
    }
  }
  return failures;
}

describe('malformed requests never get a 5xx', () => {
  test('the page cases run signed in', () => {
    expect(sessionCookie).toMatch(/casebridge\.sid=/);
  });

  test('bad percent-encoding in a path is 400 invalid_request', async () => {
    const response = await send({ method: 'GET', path: '/api/firms/%E0%A4%A/projects', headers: { Authorization: `Bearer ${harness.seed.staff.token}` } });

    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error.code).toBe('invalid_request');
  });

  test('the routers have routes to try', () => {
    expect(listApiRoutes(harness.config).length).toBeGreaterThanOrEqual(11);
    expect(listPageRoutes(harness.config).length).toBeGreaterThanOrEqual(10);
  });

  test.each([['/api'], ['']])('every route under %j', async (prefix) => {
    const routes = prefix === '/api' ? listApiRoutes(harness.config) : listPageRoutes(harness.config);
    const auth: Record<string, string> = prefix === '/api' ? { Authorization: `Bearer ${harness.seed.staff.token}` } : { Cookie: sessionCookie };
    const failures: string[] = [];

    for (const route of routes) {
      for (const failure of await failuresOf(route, prefix, auth)) {
        failures.push(`${route.method.toUpperCase()} ${prefix}${route.path} ${failure}`);
      }
    }

    expect(failures).toEqual([]);
  });

  test('unknown paths and methods', async () => {
    const statuses = await Promise.all([
      send({ method: 'DELETE', path: '/api/firms/acme', headers: {} }),
      send({ method: 'PATCH', path: '/api/firms/acme/projects/1', headers: { Authorization: `Bearer ${harness.seed.staff.token}` } }),
      send({ method: 'GET', path: '/%', headers: {} }),
      send({ method: 'GET', path: '/api/%E0%A4%A', headers: {} }),
      send({ method: 'OPTIONS', path: '/api/openapi.json', headers: {} }),
    ]);

    expect(statuses.map((response) => response.status).filter((status) => status >= 500)).toEqual([]);
  });
});
