import { createApiToken, createFirm, createUser } from '../../../lib/auth';
import { connectDatabase, disconnectDatabase } from '../../../lib/db';
import { Project, SyncRun } from '../../../lib/models';
import { startSmtpServer, type TestSmtpServer } from '../../notifications/support/local-servers';
import { signInAndConnectClio } from '../../support/browser';
import { callApi, callSandboxAdmin } from '../../support/http-clients';
import { startTestStack, type TestStack } from '../../support/stack';

/** Matters in the sandbox account that every fault test syncs. */
export const MATTERS = 10_000;

/** The firm every fault test connects, activates and syncs. */
export const FIRM = { id: 'fault-law', name: 'Fault Law LLP', timeZone: 'America/Chicago' };
const ADMIN = { email: 'admin@fault-law.example', name: 'Fran Fault', role: 'firm_admin', firmId: FIRM.id };
const STAFF = { email: 'staff@casebridge.example', name: 'Sam Staff', role: 'staff' };

/** Gap between two reads of the sync run through the API. At 1 s the reads stay well below the API's 300 requests per minute per token. */
const API_POLL_INTERVAL_MS = 1_000;

/** A started stack with one connected, active firm whose Clio account has {@link MATTERS} matters. */
export interface FaultSession {
  stack: TestStack;
  /** Id of the sandbox account the firm connected. */
  accountId: number;
  /** Sends a request to the API as the firm admin. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Sends a request to the sandbox's admin API. */
  sandboxAdmin(method: string, path: string, body?: unknown): Promise<any>;
  /** SMTP server the product's email goes to, so no notification leaves 127.0.0.1 for a server the test did not start. */
  smtp: TestSmtpServer;
  stop(): Promise<void>;
}

/** A sync run as GET /api/firms/:firmId/sync-runs/:syncRunId returns it. */
export interface SyncRunView {
  id: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  pages: number;
  requests: number;
  rateLimited: number;
  durationMs: number | null;
  error: string | null;
  counts: { fetched: number; created: number; updated: number; unchanged: number; archived: number; failed: number };
}

/** Project counts of the firm: every project, distinct Clio matter ids, and matter ids held by more than one project. */
export interface ProjectFigures {
  projects: number;
  distinctMatters: number;
  duplicatedMatters: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a stack with a {@link MATTERS}-matter sandbox account, creates the firm with a firm
 * admin and a staff member, connects Clio through the consent page as the admin, and activates
 * the integration as staff. `databaseFile` and `temporalFile` keep that server's data on a file,
 * for tests that restart it. Everything started is stopped again when a step fails.
 */
export async function startFaultSession(options: { databaseFile?: boolean; temporalFile?: boolean } = {}): Promise<FaultSession> {
  const smtp = await startSmtpServer();
  let stack: TestStack | null = null;
  const stop = async () => {
    try {
      await disconnectDatabase();
      await stack?.stop();
    } finally {
      await smtp.stop();
    }
  };
  try {
    stack = await startTestStack({
      matters: MATTERS,
      databaseFile: options.databaseFile,
      temporalFile: options.temporalFile,
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) },
    });
    const started = stack;
    console.log(`fault stack started; server logs in ${started.logDir}`);
    await connectDatabase(started.mongoUrl);
    await createFirm(FIRM);
    await createUser(ADMIN);
    await createUser(STAFF);
    const adminToken = (await createApiToken({ email: ADMIN.email })).token;
    const staffToken = (await createApiToken({ email: STAFF.email })).token;
    const session: FaultSession = {
      stack: started,
      accountId: started.sandbox.defaultAccountId as number,
      api: (method, path, body) => callApi(started.apiUrl, adminToken, method, path, body),
      sandboxAdmin: (method, path, body) => callSandboxAdmin(started.sandboxUrl, method, path, body),
      smtp,
      stop,
    };
    await connectAndActivate(session, staffToken);
    return session;
  } catch (error) {
    await stop();
    throw error;
  }
}

async function connectAndActivate(session: FaultSession, staffToken: string): Promise<void> {
  const { stack } = session;
  await signInAndConnectClio(stack.apiUrl, ADMIN.email, FIRM.id);
  const activated = await callApi(stack.apiUrl, staffToken, 'POST', `/api/firms/${FIRM.id}/integrations/clio/activate`, {});
  if (activated.status !== 200) {
    throw new Error(`Activating the integration failed with ${activated.status}: ${JSON.stringify(activated.body)}`);
  }
}

/** Returns the integration's status through the API, such as `active`. */
export async function readIntegrationStatus(session: FaultSession): Promise<string> {
  const response = await session.api('GET', `/api/firms/${FIRM.id}/integrations/clio`);
  if (response.status !== 200) {
    throw new Error(`Reading the integration failed with ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.status;
}

/** Requests a full sync through the API and returns the sync run id. */
export async function requestFullSync(session: FaultSession): Promise<string> {
  const accepted = await session.api('POST', `/api/firms/${FIRM.id}/integrations/clio/sync`, { mode: 'full' });
  if (accepted.status !== 202) {
    throw new Error(`The full sync was not accepted: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }
  return accepted.body.syncRunId;
}

/**
 * Polls the sync run through the API until it is completed or failed, and returns it. A response
 * other than 200, or no response, counts as "not yet", because the API responds with 5xx while
 * the database is stopped. Fails after `timeoutMs` with the last response.
 */
export async function waitForSyncRunEnd(session: FaultSession, syncRunId: string, timeoutMs: number): Promise<SyncRunView> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const response = await session.api('GET', `/api/firms/${FIRM.id}/sync-runs/${syncRunId}`);
      last = response;
      if (response.status === 200 && ['completed', 'failed'].includes(response.body.state)) {
        return response.body as SyncRunView;
      }
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) {
      throw new Error(`Sync run ${syncRunId} did not finish within ${timeoutMs / 1000} s; last response: ${JSON.stringify(last)}`);
    }
    await sleep(API_POLL_INTERVAL_MS);
  }
}

/**
 * Waits, reading the database every 50 ms, until the sync run has recorded at least `pages` pages,
 * and returns the pages recorded. Returns early with the state when the run has finished.
 */
export async function waitForPages(syncRunId: string, pages: number, timeoutMs: number): Promise<{ pages: number; finished: boolean }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await SyncRun.findById(syncRunId, { pages: 1, state: 1 }).lean();
    const finished = run?.state === 'completed' || run?.state === 'failed';
    if (run && (run.pages >= pages || finished)) {
      return { pages: run.pages, finished };
    }
    if (Date.now() > deadline) {
      throw new Error(`Sync run ${syncRunId} did not reach ${pages} pages within ${timeoutMs / 1000} s; it has ${run?.pages ?? 0} pages in state ${run?.state ?? 'missing'}`);
    }
    await sleep(50);
  }
}

/** Counts the firm's projects and the Clio matter ids stored more than once. */
export async function readProjectFigures(): Promise<ProjectFigures> {
  const projects = await Project.countDocuments({ firmId: FIRM.id });
  const distinctMatters = (await Project.distinct('clioMatterId', { firmId: FIRM.id })).length;
  const duplicated = await Project.aggregate<{ _id: number; copies: number }>([
    { $match: { firmId: FIRM.id } },
    { $group: { _id: '$clioMatterId', copies: { $sum: 1 } } },
    { $match: { copies: { $gt: 1 } } },
  ]);
  return { projects, distinctMatters, duplicatedMatters: duplicated.length };
}

/**
 * Starts a fault session before the test file's tests and stops it after them, also when a test
 * fails. Returns the running session, for use inside the tests.
 */
export function useFaultSession(options: { databaseFile?: boolean; temporalFile?: boolean } = {}): () => FaultSession {
  let session: FaultSession | undefined;
  beforeAll(async () => {
    session = await startFaultSession(options);
  }, 10 * 60_000);
  afterAll(async () => {
    await session?.stop();
  });
  return () => {
    if (!session) {
      throw new Error('The fault session did not start; see the error of beforeAll above');
    }
    return session;
  };
}
