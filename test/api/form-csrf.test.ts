import request from 'supertest';
import { createSignInLink } from '../../lib/auth';
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { listPageRoutes } from './support/router-routes';

let harness: ApiHarness;
let sessionCookie: string;

beforeAll(async () => {
  harness = await startApiHarness('form-csrf');
  const link = await createSignInLink({ email: harness.seed.staff.email, publicUrl: harness.url, now: harness.clock.now() });
  const opened = await request(harness.url).get(`/sign-in/${link.token}`).expect(302);
  sessionCookie = String(opened.headers['set-cookie']).split(';')[0];
});

afterAll(async () => {
  await harness?.stop();
});

const fill = (path: string) => path.replace(':firmId', 'acme').replace(/:[A-Za-z]+/g, 'x1');

describe('every form post checks its CSRF token', () => {
  test('the page router has form posts', () => {
    expect(listPageRoutes(harness.config).filter((route) => route.method === 'post').length).toBeGreaterThanOrEqual(4);
  });

  test.each([['without a token', {}], ['with a forged token', { _csrf: 'A'.repeat(43) }]])('a signed-in post %s is 403', async (_name, fields) => {
    const posts = listPageRoutes(harness.config).filter((route) => route.method === 'post');
    const statuses: Record<string, number> = {};

    for (const route of posts) {
      const response = await request(harness.url).post(fill(route.path)).set('Cookie', sessionCookie).type('form')
        .send({ ...fields, email: harness.seed.staff.email, password: 'whatever password' });
      statuses[route.path] = response.status;
    }

    expect(statuses).toEqual(Object.fromEntries(posts.map((route) => [route.path, 403])));
    expect(harness.gateway.calls).toHaveLength(0);
  });

  test('the session survives the rejected posts', async () => {
    const page = await request(harness.url).get('/staff').set('Cookie', sessionCookie);

    expect(page.status).toBe(200);
  });
});
