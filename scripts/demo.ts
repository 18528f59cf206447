import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { connectDatabase, disconnectDatabase } from '../lib/db';
import { createFirm, createSignInLink, createUser, findFirm, findUserByEmail } from '../lib/auth';
import { startApiProcess, startSandboxProcess, startWorkerProcess } from './stack/app-processes';
import { startMailCatcher } from './stack/mail-catcher';
import { startMongo } from './stack/mongo';
import { ROOT, existingServer, sandboxClioEnv, type RunningServer } from './stack/processes';
import { startTemporal } from './stack/temporal';

/** Folder for the demo's data files, logs and generated secrets; git-ignored. */
const STACK_DIR = path.join(ROOT, '.stack');
const DATA_DIR = path.join(STACK_DIR, 'data');
const LOG_DIR = path.join(STACK_DIR, 'logs');
const MAIL_DIR = path.join(STACK_DIR, 'mail');

const DEMO_FIRM = { id: 'demo-law', name: 'Demo Law LLP', timeZone: 'America/New_York' };
const DEMO_ADMIN = { email: 'admin@demo-law.example', name: 'Dana Admin', role: 'firm_admin', firmId: DEMO_FIRM.id };
const DEMO_STAFF = { email: 'staff@casebridge.example', name: 'Sam Staff', role: 'staff', firmId: null };

/** Ports of the demo stack; each can be moved with the variable of the same name. */
const ports = {
  MONGO_PORT: Number(process.env.MONGO_PORT ?? 27017),
  TEMPORAL_PORT: Number(process.env.TEMPORAL_PORT ?? 7233),
  TEMPORAL_UI_PORT: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
  SANDBOX_PORT: Number(process.env.SANDBOX_PORT ?? 4100),
  MAIL_PORT: Number(process.env.MAIL_PORT ?? 2525),
  PORT: Number(process.env.PORT ?? 3000),
};

/**
 * Returns the demo's secrets, generated on the first run and kept in .stack/demo-secrets.json,
 * because the H2 database keeps tokens encrypted under the same key across restarts.
 */
function demoSecrets(): { CREDENTIAL_KEYS: string; SESSION_SECRET: string } {
  const file = path.join(STACK_DIR, 'demo-secrets.json');
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8'));
  }
  const secrets = { CREDENTIAL_KEYS: `demo1:${randomBytes(32).toString('base64')}`, SESSION_SECRET: randomBytes(32).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

async function seedDemoFirm(publicUrl: string): Promise<{ admin: string; staff: string }> {
  if (!(await findFirm(DEMO_FIRM.id))) {
    await createFirm(DEMO_FIRM);
  }
  for (const user of [DEMO_ADMIN, DEMO_STAFF]) {
    if (!(await findUserByEmail(user.email))) {
      await createUser(user);
    }
  }
  const admin = await createSignInLink({ email: DEMO_ADMIN.email, publicUrl });
  const staff = await createSignInLink({ email: DEMO_STAFF.email, publicUrl });
  return { admin: admin.url, staff: staff.url };
}

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const running: RunningServer[] = [];
  const stopAll = async () => {
    for (const server of running.reverse()) {
      await server.stop();
    }
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  try {
    console.log('demo: starting MongoDB wire-protocol server, Temporal dev server and Clio sandbox');
    const mongo = process.env.MONGODB_URI
      ? existingServer(process.env.MONGODB_URI, 0)
      : await startMongo({ port: ports.MONGO_PORT, dataFile: path.join(DATA_DIR, 'casebridge.h2'), logFile: path.join(LOG_DIR, 'mongo.log') });
    running.push(mongo);
    const temporal = process.env.TEMPORAL_ADDRESS
      ? existingServer(process.env.TEMPORAL_ADDRESS, 0)
      : await startTemporal({ port: ports.TEMPORAL_PORT, uiPort: ports.TEMPORAL_UI_PORT, dbFile: path.join(DATA_DIR, 'temporal.db'), logFile: path.join(LOG_DIR, 'temporal.log') });
    running.push(temporal);
    const sandbox = await startSandboxProcess({ port: ports.SANDBOX_PORT, logFile: path.join(LOG_DIR, 'sandbox.log') });
    running.push(sandbox);
    // Without an SMTP server of the user's own, the worker's email goes to a local catcher.
    const mail = process.env.SMTP_HOST ? null : await startMailCatcher({ port: ports.MAIL_PORT, folder: MAIL_DIR });
    if (mail) {
      running.push(mail);
    }

    const publicUrl = process.env.PUBLIC_URL ?? `http://127.0.0.1:${ports.PORT}`;
    const env: Record<string, string> = {
      MONGODB_URI: mongo.url,
      TEMPORAL_ADDRESS: temporal.url,
      PORT: String(ports.PORT),
      PUBLIC_URL: publicUrl,
      ...sandboxClioEnv(sandbox.url),
      ...(mail ? { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.port) } : {}),
      ...demoSecrets(),
    };
    console.log('demo: starting the worker and the API');
    running.push(await startWorkerProcess(env, path.join(LOG_DIR, 'worker.log')));
    running.push(await startApiProcess(env, path.join(LOG_DIR, 'api.log')));

    await connectDatabase(mongo.url);
    const links = await seedDemoFirm(publicUrl);
    await disconnectDatabase();

    console.log(`
CaseBridge demo is running.

  Firm admin (Company Settings, Integrations): ${links.admin}
  Staff console (activate, deactivate):         ${links.staff}
  Temporal Web UI:                              ${process.env.TEMPORAL_ADDRESS ? '(your Temporal server\'s UI)' : `http://127.0.0.1:${ports.TEMPORAL_UI_PORT}`}
  Clio sandbox (admin API under /_admin):       ${sandbox.url}
  Email the worker sends:                       ${mail ? `${MAIL_DIR} (one .eml file each, also announced here)` : `your SMTP server ${process.env.SMTP_HOST}`}

Sign-in links work once and expire in 15 minutes; run "npm run cli -- sign-in-link --email ${DEMO_ADMIN.email}" for a new one.
Logs: ${LOG_DIR}. Data: ${DATA_DIR}. Press Ctrl+C to stop everything this command started.
`);
  } catch (error) {
    console.error(`demo: ${(error as Error).message}`);
    await stopAll();
    process.exit(1);
  }
}

void main();
