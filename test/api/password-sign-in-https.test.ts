import request from 'supertest';
import { setUserPassword } from '../../lib/auth';
import { startApiHarness, type ApiHarness } from './support/api-harness';

const PASSWORD = 'correct horse battery staple';
let harness: ApiHarness;

beforeAll(async () => {
  harness = await startApiHarness('password-sign-in-https', { env: { PUBLIC_URL: 'https://casebridge.test', SIGN_IN_MAX_FAILURES_PER_IP: '2' } });
  await setUserPassword(harness.seed.staff.email, PASSWORD);
});

afterAll(async () => {
  await harness?.stop();
});

/** Requests as the TLS proxy in front of the app forwards them for `address`. */
function forwardedFor(address: string) {
  return { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': address };
}

async function signIn(address: string, email: string, password: string): Promise<request.Response> {
  const form = await request(harness.url).get('/sign-in').set(forwardedFor(address));
  const csrfCookie = (cookieNamed(form, 'casebridge.sign-in-csrf') ?? '').split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
  return request(harness.url).post('/sign-in').set(forwardedFor(address)).set('Cookie', csrfCookie).type('form').send({ _csrf: csrf, email, password });
}

function cookieNamed(response: request.Response, name: string): string | undefined {
  const cookies = response.headers['set-cookie'] as unknown as string[] | undefined;
  return cookies?.find((cookie) => cookie.startsWith(`${name}=`));
}

const viaProxy = forwardedFor('203.0.113.7');

describe('sign-in over https', () => {
  test('CSRF cookie is secure', async () => {
    const form = await request(harness.url).get('/sign-in').set(viaProxy);

    expect(cookieNamed(form, 'casebridge.sign-in-csrf')).toContain('Secure');
  });

  test('session cookie is secure', async () => {
    const form = await request(harness.url).get('/sign-in').set(viaProxy);
    const csrfCookie = (cookieNamed(form, 'casebridge.sign-in-csrf') ?? '').split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';

    const response = await request(harness.url).post('/sign-in').set(viaProxy).set('Origin', 'https://casebridge.test').set('Cookie', csrfCookie).type('form')
      .send({ _csrf: csrf, email: harness.seed.staff.email, password: PASSWORD });

    expect(response.status).toBe(303);
    expect(cookieNamed(response, 'casebridge.sid')).toContain('Secure');
    expect(cookieNamed(response, 'casebridge.sid')).toContain('HttpOnly');
    expect(cookieNamed(response, 'casebridge.sid')).toContain('SameSite=Lax');
  });

  test('HSTS is sent', async () => {
    const response = await request(harness.url).get('/sign-in').set(viaProxy);

    expect(response.headers['strict-transport-security']).toBe('max-age=15552000');
  });

  test('counts failures per forwarded client address', async () => {
    await signIn('203.0.113.20', 'first@casebridge.test', 'wrong password');
    await signIn('203.0.113.20', 'second@casebridge.test', 'wrong password');

    const sameAddress = await signIn('203.0.113.20', harness.seed.staff.email, PASSWORD);
    const otherAddress = await signIn('203.0.113.21', harness.seed.staff.email, PASSWORD);

    expect(sameAddress.status).toBe(429);
    expect(otherAddress.status).toBe(303);
  });
});
