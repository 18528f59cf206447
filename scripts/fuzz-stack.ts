import { writeFileSync } from 'node:fs';
import { createApiToken, createFirm, createUser } from '../lib/auth';
import { connectDatabase, disconnectDatabase } from '../lib/db';
import { Integration, Project, SyncRun } from '../lib/models';
import { signInAndConnectClio } from '../test/support/browser';
import { startTestStack, type TestStack } from '../test/support/stack';

/** The firm the fuzzer works on, with a firm admin whose API token it sends. */
const FIRM = { id: 'fuzz-law', name: 'Fuzz Law LLP', timeZone: 'America/Chicago' };
const ADMIN = { email: 'admin@fuzz-law.example', name: 'Fay Fuzz', role: 'firm_admin', firmId: FIRM.id };

/** Matters in the sandbox account, all synced before fuzzing so project routes find data. */
const MATTERS = 25;

/**
 * Rate limits high enough that no fuzzer request is rejected with 429, so every one reaches the
 * handlers. test/api/rate-limit.test.ts tests the limits themselves.
 */
const FUZZ_ENV = { API_RATE_LIMIT_PER_TOKEN: '1000000', API_RATE_LIMIT_PER_IP: '1000000' };

/** Time the integration's read model must stay unchanged after the sync before fuzzing starts. */
const SETTLE_MS = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, read: () => Promise<T | null>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== null) {
      return value;
    }
    await sleep(250);
  }
  throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/** Connects Clio through the sandbox's consent page, then syncs every matter and waits for the run to finish. */
async function connectAndSync(stack: TestStack, token: string): Promise<string> {
  await signInAndConnectClio(stack.apiUrl, ADMIN.email, FIRM.id);
  await waitFor('the integration to read Connected, Inactive', async () => (await Integration.findOne({ firmId: FIRM.id, status: 'connected_inactive' }).lean()) ?? null);

  const response = await fetch(`${stack.apiUrl}/api/firms/${FIRM.id}/integrations/clio/sync`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'full' }),
  });
  const accepted = (await response.json()) as { syncRunId?: string };
  if (response.status !== 202 || !accepted.syncRunId) {
    throw new Error(`The full sync was not accepted: ${response.status} ${JSON.stringify(accepted)}`);
  }
  const syncRunId = accepted.syncRunId;
  const run = await waitFor('the full sync to finish', async () => SyncRun.findOne({ _id: syncRunId, state: { $in: ['completed', 'failed'] } }).lean());
  if (run.state !== 'completed') {
    throw new Error(`The full sync failed: ${run.error}`);
  }
  return syncRunId;
}

/**
 * Waits until the integration workflow has stopped writing its read model after the sync. It
 * writes the model when the run finishes, and about a second later once more, unchanged but with
 * the next revision, after it has continued as new. A write during the negative run would read
 * as a change made by a rejected request.
 */
async function waitForIntegrationToSettle(syncRunId: string): Promise<void> {
  let lastRevision: number | null = null;
  let unchangedSince = Date.now();
  await waitFor('the integration read model to settle after the sync', async () => {
    const integration = await Integration.findOne({ firmId: FIRM.id }, { revision: 1, lastSyncRunId: 1 }).lean();
    const revision = integration?.revision ?? null;
    if (revision !== lastRevision) {
      lastRevision = revision;
      unchangedSince = Date.now();
      return null;
    }
    return integration?.lastSyncRunId === syncRunId && Date.now() - unchangedSince >= SETTLE_MS ? integration : null;
  });
}

/**
 * Starts a whole CaseBridge stack on free ports of 127.0.0.1 (mongo-java-server, Temporal dev
 * server, Clio sandbox, worker and API), seeds a firm with a firm admin, an API token and a
 * connected, synced Clio integration. Writes what a fuzzer needs as KEY=value lines to the file
 * named by the first argument, with mode 0600 because it contains the token. Runs until SIGTERM
 * or SIGINT, then stops every server it started.
 */
async function main(outputFile: string): Promise<void> {
  const stack = await startTestStack({ matters: MATTERS, env: FUZZ_ENV });
  const stop = async () => {
    await disconnectDatabase();
    await stack.stop();
  };

  try {
    await connectDatabase(stack.mongoUrl);
    await createFirm(FIRM);
    await createUser(ADMIN);
    const { token } = await createApiToken({ email: ADMIN.email, label: 'fuzzer' });
    const syncRunId = await connectAndSync(stack, token);
    await waitForIntegrationToSettle(syncRunId);
    const matterIds = (await Project.find({ firmId: FIRM.id }, { clioMatterId: 1 }).sort({ clioMatterId: 1 }).limit(5).lean()).map((doc) => doc.clioMatterId);

    const lines = [
      `FUZZ_API_URL=${stack.apiUrl}`,
      `FUZZ_TOKEN=${token}`,
      `FUZZ_FIRM_ID=${FIRM.id}`,
      `FUZZ_MATTER_IDS=${matterIds.join(',')}`,
      `FUZZ_SYNC_RUN_ID=${syncRunId}`,
      `FUZZ_MONGODB_URI=${stack.mongoUrl}`,
      `FUZZ_LOG_DIR=${stack.logDir}`,
    ];
    writeFileSync(outputFile, `${lines.join('\n')}\n`, { mode: 0o600 });
    process.stdout.write(`fuzz-stack: API at ${stack.apiUrl}, firm ${FIRM.id}, ${matterIds.length} projects listed; logs in ${stack.logDir}\n`);
  } catch (error) {
    await stop();
    throw error;
  }

  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  process.stdout.write('fuzz-stack: stopping\n');
  await stop();
}

const outputFile = process.argv[2];
if (!outputFile) {
  process.stderr.write('Usage: npx tsx scripts/fuzz-stack.ts <file for KEY=value lines>\n');
  process.exit(2);
}
main(outputFile).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`fuzz-stack: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
