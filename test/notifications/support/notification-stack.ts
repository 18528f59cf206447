import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import pino from 'pino';
import { createActivities } from '../../../activities';
import { createApp } from '../../../api/app';
import { TemporalGateway } from '../../../api/temporal-gateway';
import { createApiToken, createFirm, createUser } from '../../../lib/auth';
import { configSchema, type Config } from '../../../lib/config';
import { CredentialStore } from '../../../lib/credentials';
import { parseKeyring } from '../../../lib/crypto';
import { integrationWorkflowId } from '../../../lib/integration-status';
import { Notification, Project, SyncRun } from '../../../lib/models';
import type { NotificationTransports } from '../../../lib/notifications';
import { createSandbox, type RunningSandbox } from '../../../sandbox/server';
import { freePort, sandboxClioEnv } from '../../../scripts/stack/processes';
import * as m from '../../../workflows/messages';
import { startTestDatabase } from '../../support/database';
import { callApi, callSandboxAdmin } from '../../support/http-clients';
import { grantSandboxAccess } from '../../support/sandbox-grant';
import { createTimeSkippingEnv, workflowBundle } from '../../support/temporal-env';
import { localTransports } from './fixtures';
import { startSmtpServer, type ReceivedEmail, type TestSmtpServer } from './local-servers';

/** Every firm of these tests is in New York. */
export const FIRM_TIME_ZONE = 'America/New_York';

/** A firm connected to its own sandbox account, with its workflow started. */
export interface ConnectedFirm {
  firmId: string;
  accountId: number;
  adminEmail: string;
  handle: WorkflowHandle;
}

/**
 * The servers of a notification test on 127.0.0.1: the time-skipping Temporal test server, a
 * database, the Clio sandbox, an SMTP server and the API, plus a worker in this process unless
 * the test runs its own. The sandbox's clock follows the test server's, so matters changed in
 * skipped time carry skipped update times and incremental syncs read them.
 */
export interface NotificationStack {
  env: TestWorkflowEnvironment;
  sandbox: RunningSandbox;
  smtp: TestSmtpServer;
  databaseUrl: string;
  credentialKeys: string;
  taskQueue: string;
  apiUrl: string;
  staffToken: string;
  /** The test server's current time. */
  now(): Promise<Date>;
  /** Moves the test server's clock to `target` in steps of at most `stepMs`, so no call waits long in real time. */
  sleepUntil(target: Date, stepMs?: number): Promise<void>;
  connectFirm(firmId: string, matters: number): Promise<ConnectedFirm>;
  /** Connects a disconnected firm's Clio account again, as the OAuth callback does: a new grant and a new workflow. */
  reconnectFirm(firm: ConnectedFirm): Promise<ConnectedFirm>;
  /** Requests a sync and waits, in skipped time, until its run record is finished. */
  syncAll(firm: ConnectedFirm, input: m.SyncAllInput): Promise<void>;
  /** Sends a request to the API as the staff member. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Terminates the workflows of the firms connected so far, whose timers would otherwise run in later tests. */
  terminateWorkflows(): Promise<void>;
  stop(): Promise<void>;
}

/** Settings of one stack. */
export interface NotificationStackOptions {
  name: string;
  /** Whether to run a worker in this process; a test that starts worker processes sets false. @default true */
  worker?: boolean;
}

/** Returns the next `weekday` (1 Monday … 7 Sunday) at local `time` in the firm's zone, strictly after `after`. */
export function nextLocal(after: Date, weekday: number, time: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  const start = DateTime.fromJSDate(after, { zone: FIRM_TIME_ZONE });
  for (let offset = 0; offset <= 7; offset++) {
    const day = start.plus({ days: offset });
    const candidate = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: FIRM_TIME_ZONE });
    if (candidate.weekday === weekday && candidate.toMillis() > after.getTime()) {
      return candidate.toJSDate();
    }
  }
  throw new RangeError(`No weekday ${weekday} found after ${after.toISOString()}`);
}

/** Builds the environment of the product's processes for this stack. */
export function productConfig(stack: { databaseUrl: string; sandboxUrl: string; smtpPort: number; credentialKeys: string; port: number }): Record<string, string> {
  return {
    MONGODB_URI: stack.databaseUrl,
    PORT: String(stack.port),
    PUBLIC_URL: `http://127.0.0.1:${stack.port}`,
    ...sandboxClioEnv(stack.sandboxUrl),
    CREDENTIAL_KEYS: stack.credentialKeys,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(stack.smtpPort),
    NOTIFY_FROM: 'Case Updates <updates@casebridge.test>',
    NOTIFY_BUSINESS_HOUR: '08:00',
    LOG_LEVEL: 'warn',
  };
}

/** Starts the servers; `stop()` ends them and the workflows the stack started. */
export async function startNotificationStack(options: NotificationStackOptions): Promise<NotificationStack> {
  const env = await createTimeSkippingEnv();
  const database = await startTestDatabase(options.name);
  let offsetMs = 0;
  const syncClock = async () => { offsetMs = (await env.currentTimeMs()) - Date.now(); };
  await syncClock();
  const sandbox = await createSandbox({ port: 0, defaultAccount: null, now: () => new Date(Date.now() + offsetMs) });
  const smtp = await startSmtpServer();
  const credentialKeys = `k1:${randomBytes(32).toString('base64')}`;
  const port = await freePort();
  const config: Config = configSchema.parse(productConfig({ databaseUrl: database.url, sandboxUrl: sandbox.url, smtpPort: smtp.port, credentialKeys, port }));
  const baseUrlFor = (region: string) => `${sandbox.url}/${region}`;
  const credentials = new CredentialStore({ keyring: parseKeyring(credentialKeys), app: { clientId: config.CLIO_CLIENT_ID, clientSecret: config.CLIO_CLIENT_SECRET }, baseUrlFor });
  const logger = pino({ level: 'silent' });
  const taskQueue = `notify-${options.name}`;

  const app = createApp({ config, credentials, integrations: new TemporalGateway(env.client.workflow, taskQueue, logger), logger });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
  });
  await createUser({ email: 'staff@casebridge.test', name: 'Sam Staff', role: 'staff' });
  const staffToken = (await createApiToken({ email: 'staff@casebridge.test', label: 'tests' })).token;

  let transports: NotificationTransports | null = null;
  let worker: Worker | null = null;
  let workerRun: Promise<void> | null = null;
  if (options.worker ?? true) {
    transports = localTransports(smtp.port);
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: createActivities({ credentials, baseUrlFor, logger, notifications: { transports, publicUrl: config.PUBLIC_URL, businessHour: config.NOTIFY_BUSINESS_HOUR } }),
    });
    workerRun = worker.run();
  }

  const handles: WorkflowHandle[] = [];
  const authorize = async (firm: Omit<ConnectedFirm, 'handle'>): Promise<ConnectedFirm> => {
    const tokens = await grantSandboxAccess(sandbox.url, 'us', String(firm.accountId));
    const credentialVersion = await credentials.save(firm.firmId, 'us', tokens);
    const handle = await env.client.workflow.signalWithStart('integrationWorkflow', {
      workflowId: integrationWorkflowId(firm.firmId),
      taskQueue,
      args: [{ firmId: firm.firmId }],
      signal: m.clioAuthorizedSignal,
      signalArgs: [{ credentialVersion, region: 'us', clioUser: null }],
    });
    handles.push(handle);
    return { ...firm, handle };
  };
  const sleepUntil = async (target: Date, stepMs = 60 * 60_000) => {
    for (let now = await env.currentTimeMs(); now < target.getTime(); now = await env.currentTimeMs()) {
      await env.sleep(Math.min(stepMs, target.getTime() - now));
      await syncClock();
    }
  };

  return {
    env, sandbox, smtp, databaseUrl: database.url, credentialKeys, taskQueue, apiUrl: `http://127.0.0.1:${port}`, staffToken,
    now: async () => new Date(await env.currentTimeMs()),
    sleepUntil,
    async connectFirm(firmId, matters) {
      const account = await callSandboxAdmin(sandbox.url, 'POST', '/accounts', { region: 'us', matters, seed: matters, name: firmId });
      await createFirm({ id: firmId, name: `Firm ${firmId}`, timeZone: FIRM_TIME_ZONE });
      const adminEmail = `admin@${firmId}.test`;
      await createUser({ email: adminEmail, name: `Admin of ${firmId}`, role: 'firm_admin', firmId });
      return authorize({ firmId, accountId: account.accountId as number, adminEmail });
    },
    reconnectFirm: (firm) => authorize(firm),
    async syncAll(firm, input) {
      const accepted = await firm.handle.executeUpdate(m.syncAllUpdate, { args: [input] });
      for (;;) {
        const run = await SyncRun.findById(accepted.syncRunId).lean();
        if (run?.state === 'completed') {
          return;
        }
        if (run?.state === 'failed') {
          throw new Error(`Sync run ${accepted.syncRunId} of firm ${firm.firmId} failed: ${run.error}`);
        }
        await env.sleep(1000);
        await syncClock();
      }
    },
    api: (method, path, body) => callApi(`http://127.0.0.1:${port}`, staffToken, method, path, body),
    async terminateWorkflows() {
      await Promise.all(handles.splice(0).map((handle) => handle.terminate('test finished').catch(() => undefined)));
    },
    async stop() {
      await Promise.all(handles.map((handle) => handle.terminate('test finished').catch(() => undefined)));
      worker?.shutdown();
      await workerRun;
      transports?.email?.close?.();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await smtp.stop();
      await sandbox.close();
      await database.stop();
      await env.teardown();
    },
  };
}

/**
 * Picks a project that can announce a phase change: in progress, with a client who has an
 * email address, in a practice area with another stage to move to. `skip` lists matters
 * already used by the test.
 */
export async function pickProject(stack: NotificationStack, firm: ConnectedFirm, skip: number[] = []) {
  const account = stack.sandbox.store.getAccount(firm.accountId);
  const projects = await Project.find({ firmId: firm.firmId, status: 'in_progress', 'clients.0.email': { $ne: null }, clioMatterId: { $nin: skip } }).sort({ clioMatterId: 1 }).lean();
  for (const project of projects) {
    const raw = project.raw as { practice_area?: { id: number } | null; matter_stage?: { id: number } | null };
    const stage = account.matterStages.find((candidate) => candidate.practiceAreaId === raw.practice_area?.id && candidate.id !== raw.matter_stage?.id);
    if (stage) {
      return { clioMatterId: project.clioMatterId, email: project.clients[0].email as string, nextStage: stage };
    }
  }
  throw new Error(`Firm ${firm.firmId} has no project in progress with a client who has an email address and a stage to move to`);
}

/** Moves the project's matter to another stage in the sandbox; returns the phase the default mapping gives it. */
export async function movePhase(stack: NotificationStack, firm: ConnectedFirm, project: Awaited<ReturnType<typeof pickProject>>): Promise<string> {
  const moved = await callSandboxAdmin(stack.sandbox.url, 'POST', `/accounts/${firm.accountId}/matters/${project.clioMatterId}/stage`, { matterStageId: project.nextStage.id });
  if (moved.error) {
    throw new Error(`The sandbox did not move matter ${project.clioMatterId}: ${moved.error.message}`);
  }
  return project.nextStage.name;
}

/** Returns the phase changes of one matter, oldest first. */
export function phaseChangesOf(firmId: string, clioMatterId: number) {
  return Notification.find({ firmId, clioMatterId, kind: 'phase_change' }).sort({ _id: 1 }).lean();
}

/** Returns the emails the SMTP server received for one stored notification, matched by Message-ID. */
export function emailsFor(smtp: TestSmtpServer, notification: { recipients: { deliveryKey: string }[] }): ReceivedEmail[] {
  const ids = new Set(notification.recipients.map((recipient) => `<${recipient.deliveryKey}@casebridge.test>`));
  return smtp.received.filter((email) => ids.has(email.headers['message-id']));
}
