import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../../api/app';
import { createApiToken, createFirm, createSignInLink, createUser } from '../../../lib/auth';
import { regionBaseUrl } from '../../../lib/clio/regions';
import { configSchema, type Config } from '../../../lib/config';
import { CredentialStore } from '../../../lib/credentials';
import { parseKeyring } from '../../../lib/crypto';
import { connectDatabase, disconnectDatabase } from '../../../lib/db';
import { REDACTED_PATHS } from '../../../lib/logger';
import { startMongo } from '../../../scripts/stack/mongo';
import { ROOT, freePort, type RunningServer } from '../../../scripts/stack/processes';
import { FakeGateway } from './fake-gateway';
import { startFakeClio, type FakeClio } from './fake-clio';

/** A clock the test moves forward, to expire links, states and sessions without waiting. */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

/** The users and API tokens every test file starts with: firms acme and beta, one admin each, one staff member. */
export interface Seed {
  staff: { email: string; token: string };
  acmeAdmin: { email: string; token: string };
  betaAdmin: { email: string; token: string };
}

/** The app on a random port of 127.0.0.1 against its own mongo-java-server, with a fake gateway and a fake Clio. */
export interface ApiHarness {
  url: string;
  config: Config;
  gateway: FakeGateway;
  clio: FakeClio;
  clock: TestClock;
  /** Every log line the app wrote, as JSON text. */
  logLines: string[];
  seed: Seed;
  /** Opens a browser session for `email` through a sign-in link and returns the cookie-keeping agent. */
  signIn(email: string): Promise<InstanceType<typeof request.agent>>;
  stop(): Promise<void>;
}

function createClock(): TestClock {
  let offsetMs = 0;
  return { now: () => new Date(Date.now() + offsetMs), advance: (ms) => { offsetMs += ms; } };
}

async function seedUsers(): Promise<Seed> {
  await createFirm({ id: 'acme', name: 'Acme Law', timeZone: 'America/New_York' });
  await createFirm({ id: 'beta', name: 'Beta & Partners', timeZone: 'Europe/London' });
  const users = {
    staff: await createUser({ email: 'staff@casebridge.test', name: 'Sam Staff', role: 'staff' }),
    acmeAdmin: await createUser({ email: 'admin@acme.test', name: 'Alex Acme', role: 'firm_admin', firmId: 'acme' }),
    betaAdmin: await createUser({ email: 'admin@beta.test', name: 'Bea Beta', role: 'firm_admin', firmId: 'beta' }),
  };
  const withToken = async (email: string) => ({ email, token: (await createApiToken({ email, label: 'tests' })).token });
  return {
    staff: await withToken(users.staff.email),
    acmeAdmin: await withToken(users.acmeAdmin.email),
    betaAdmin: await withToken(users.betaAdmin.email),
  };
}

/** Settings of one harness beyond its defaults. */
export interface ApiHarnessOptions {
  /** Environment values that replace the harness's own, such as small rate limits or an https PUBLIC_URL. */
  env?: Record<string, string>;
}

/** Starts mongo-java-server, the fake Clio and the app; `name` labels the database log file. */
export async function startApiHarness(name: string, options: ApiHarnessOptions = {}): Promise<ApiHarness> {
  const mongoPort = await freePort();
  const mongo: RunningServer = await startMongo({ port: mongoPort, logFile: path.join(ROOT, '.stack', 'logs', `test-api-${name}-mongo.log`) });
  const clio = await startFakeClio();
  const appPort = await freePort();
  const config = configSchema.parse({
    MONGODB_URI: mongo.url,
    PORT: String(appPort),
    PUBLIC_URL: `http://127.0.0.1:${appPort}`,
    CLIO_CLIENT_ID: 'casebridge-test-client',
    CLIO_CLIENT_SECRET: 'casebridge-test-secret',
    CLIO_BASE_URL_US: clio.baseUrl,
    CLIO_BASE_URL_EU: clio.baseUrl,
    CLIO_BASE_URL_CA: clio.baseUrl,
    CLIO_BASE_URL_AU: clio.baseUrl,
    CREDENTIAL_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  await connectDatabase(config.MONGODB_URI);

  const logLines: string[] = [];
  const sink = new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } });
  const logger = pino({ level: 'debug', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
  const clock = createClock();
  const gateway = new FakeGateway();
  const credentials = new CredentialStore({
    keyring: parseKeyring(config.CREDENTIAL_KEYS),
    app: { clientId: config.CLIO_CLIENT_ID, clientSecret: config.CLIO_CLIENT_SECRET },
    baseUrlFor: (region) => regionBaseUrl(config, region),
    now: clock.now,
  });
  const app = createApp({ config, credentials, integrations: gateway, logger, now: clock.now });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(appPort, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${appPort}`;
  const seed = await seedUsers();

  return {
    url, config, gateway, clio, clock, logLines, seed,
    async signIn(email) {
      const link = await createSignInLink({ email, publicUrl: url, now: clock.now() });
      const agent = request.agent(url);
      await agent.get(`/sign-in/${link.token}`).expect(302);
      return agent;
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await clio.stop();
      await disconnectDatabase();
      await mongo.stop();
    },
  };
}

/** Returns the value of the hidden `_csrf` field in a page. */
export function csrfTokenIn(page: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!match) {
    throw new Error('The page has no _csrf field');
  }
  return match[1];
}
