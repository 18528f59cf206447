import request from 'supertest';
import { createSignInLink, setUserPassword } from '../../lib/auth';
import { startApiHarness, type ApiHarness } from './support/api-harness';

const PASSWORD = 'correct horse battery staple';
const WINDOW_SECONDS = 600;
let harness: ApiHarness;

beforeAll(async () => {
  harness = await startApiHarness('password-sign-in', {
    env: { SIGN_IN_MAX_FAILURES_PER_EMAIL: '3', SIGN_IN_MAX_FAILURES_PER_IP: '8', SIGN_IN_FAILURE_WINDOW_SECONDS: String(WINDOW_SECONDS) },
  });
  await setUserPassword(harness.seed.acmeAdmin.email, PASSWORD);
  await setUserPassword(harness.seed.staff.email, PASSWORD);
  await setUserPassword(harness.seed.betaAdmin.email, PASSWORD);
});

afterAll(async () => {
  await harness?.stop();
});

type Agent = ReturnType<typeof request.agent>;

/** Opens the form in a fresh agent and returns the agent with the form's CSRF token. */
async function openForm(): Promise<{ agent: Agent; csrf: string }> {
  const agent = request.agent(harness.url);
  const form = await agent.get('/sign-in').expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
  return { agent, csrf };
}

async function signIn(email: string, password: string) {
  const { agent, csrf } = await openForm();
  const response = await agent.post('/sign-in').type('form').send({ _csrf: csrf, email, password });
  return { agent, response };
}

function cookieNamed(response: request.Response, name: string): string | undefined {
  const cookies = response.headers['set-cookie'] as unknown as string[] | undefined;
  return cookies?.find((cookie) => cookie.startsWith(`${name}=`));
}

describe('sign-in form', () => {
  test('shows email and password fields', async () => {
    const response = await request(harness.url).get('/sign-in');

    expect(response.status).toBe(200);
    expect(response.text).toContain('name="email"');
    expect(response.text).toContain('type="password"');
    expect(response.text).toMatch(/name="_csrf" value="[A-Za-z0-9_-]{43}"/);
  });

  test('sets a strict CSRF cookie', async () => {
    const response = await request(harness.url).get('/sign-in');
    const cookie = cookieNamed(response, 'casebridge.sign-in-csrf') ?? '';

    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/sign-in');
  });

  test('sends a signed-in user home', async () => {
    const agent = await harness.signIn(harness.seed.staff.email);

    const response = await agent.get('/sign-in');

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/staff');
  });
});

describe('password sign-in', () => {
  test('opens a session and redirects home', async () => {
    const { agent, response } = await signIn(harness.seed.acmeAdmin.email, PASSWORD);
    const settings = await agent.get('/firms/acme/settings/integrations');

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/firms/acme/settings/integrations');
    expect(settings.status).toBe(200);
  });

  test('session cookie is httpOnly and SameSite=Lax', async () => {
    const { response } = await signIn(harness.seed.acmeAdmin.email, PASSWORD);
    const cookie = cookieNamed(response, 'casebridge.sid') ?? '';

    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Expires=');
  });

  test('regenerates the session id', async () => {
    const link = await createSignInLink({ email: harness.seed.betaAdmin.email, publicUrl: harness.url, now: harness.clock.now() });
    const opened = await request(harness.url).get(`/sign-in/${link.token}`).expect(302);
    const oldSession = (cookieNamed(opened, 'casebridge.sid') ?? '').split(';')[0];
    const form = await request(harness.url).get('/sign-in');
    const csrfCookie = (cookieNamed(form, 'casebridge.sign-in-csrf') ?? '').split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';

    const response = await request(harness.url).post('/sign-in').set('Cookie', `${oldSession}; ${csrfCookie}`).type('form')
      .send({ _csrf: csrf, email: harness.seed.staff.email, password: PASSWORD });
    const newSession = (cookieNamed(response, 'casebridge.sid') ?? '').split(';')[0];
    const withOldId = await request(harness.url).get('/firms/beta/settings/integrations').set('Cookie', oldSession);

    expect(response.status).toBe(303);
    expect(newSession).toMatch(/^casebridge\.sid=.+/);
    expect(newSession).not.toBe(oldSession);
    expect(withOldId.status).toBe(401);
  });

  test('wrong password and unknown email read alike', async () => {
    const wrong = await signIn(harness.seed.staff.email, 'not the right password');
    const unknown = await signIn('nobody@casebridge.test', 'not the right password');

    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    expect(wrong.response.text).toContain('The email or password is incorrect.');
    expect(unknown.response.text.replace(/value="[^"]*"/g, '')).toBe(wrong.response.text.replace(/value="[^"]*"/g, ''));
  });

  test('a failed attempt opens no session', async () => {
    const { response } = await signIn(harness.seed.staff.email, 'not the right password');

    expect(cookieNamed(response, 'casebridge.sid')).toBeUndefined();
  });

  test('missing fields are 400', async () => {
    const { agent, csrf } = await openForm();

    const response = await agent.post('/sign-in').type('form').send({ _csrf: csrf, email: harness.seed.staff.email });

    expect(response.status).toBe(400);
    expect(response.text).toContain('Enter your email address and password.');
  });

  test('an unknown field is 400', async () => {
    const { agent, csrf } = await openForm();

    const response = await agent.post('/sign-in').type('form').send({ _csrf: csrf, email: harness.seed.staff.email, password: PASSWORD, role: 'staff' });

    expect(response.status).toBe(400);
  });
});

describe('sign-in CSRF', () => {
  test('rejects a post without the cookie', async () => {
    const { csrf } = await openForm();

    const response = await request(harness.url).post('/sign-in').type('form').send({ _csrf: csrf, email: harness.seed.staff.email, password: PASSWORD });

    expect(response.status).toBe(403);
    expect(cookieNamed(response, 'casebridge.sid')).toBeUndefined();
  });

  test('rejects a field that differs from the cookie', async () => {
    const { agent } = await openForm();

    const response = await agent.post('/sign-in').type('form').send({ _csrf: 'A'.repeat(43), email: harness.seed.staff.email, password: PASSWORD });

    expect(response.status).toBe(403);
  });

  test('rejects a post from another origin', async () => {
    const { agent, csrf } = await openForm();

    const response = await agent.post('/sign-in').set('Origin', 'https://attacker.example').type('form').send({ _csrf: csrf, email: harness.seed.staff.email, password: PASSWORD });

    expect(response.status).toBe(403);
  });

  test('accepts a post from its own origin', async () => {
    const { agent, csrf } = await openForm();

    const response = await agent.post('/sign-in').set('Origin', harness.url).type('form').send({ _csrf: csrf, email: harness.seed.staff.email, password: PASSWORD });

    expect(response.status).toBe(303);
  });
});

describe('sign-in rate limits', () => {
  test('locks an email after 3 failures, even for the right password', async () => {
    const email = harness.seed.betaAdmin.email;
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await signIn(email, `wrong password ${attempt}`)).response.status).toBe(401);
    }

    const { response } = await signIn(email, PASSWORD);

    expect(response.status).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(response.text).toContain('Too many failed sign-ins');
    expect(cookieNamed(response, 'casebridge.sid')).toBeUndefined();
  });

  test('locks an unknown email the same way', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      await signIn('ghost@casebridge.test', `wrong password ${attempt}`);
    }

    const { response } = await signIn('ghost@casebridge.test', 'wrong password 4');

    expect(response.status).toBe(429);
  });

  test('the lock ends with the window', async () => {
    harness.clock.advance(WINDOW_SECONDS * 1000 + 1000);

    const { response } = await signIn(harness.seed.betaAdmin.email, PASSWORD);

    expect(response.status).toBe(303);
  });

  test('parallel attempts cannot pass the email limit', async () => {
    harness.clock.advance(WINDOW_SECONDS * 1000 + 1000);

    const responses = await Promise.all([0, 1, 2, 3, 4, 5].map((attempt) => signIn('parallel@casebridge.test', `wrong password ${attempt}`)));
    const statuses = responses.map(({ response }) => response.status).sort();

    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });

  test('successful sign-ins do not count against the address', async () => {
    harness.clock.advance(WINDOW_SECONDS * 1000 + 1000);
    for (let attempt = 0; attempt < 9; attempt++) {
      expect((await signIn(harness.seed.staff.email, PASSWORD)).response.status).toBe(303);
    }
  });

  test('locks an address after 8 failures across emails', async () => {
    harness.clock.advance(WINDOW_SECONDS * 1000 + 1000);
    for (let attempt = 0; attempt < 8; attempt++) {
      expect((await signIn(`user${attempt}@casebridge.test`, 'wrong password')).response.status).toBe(401);
    }

    const { response } = await signIn(harness.seed.acmeAdmin.email, PASSWORD);

    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBeDefined();
  });
});
