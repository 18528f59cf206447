import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApiProcess, startWorkerProcess } from '../../scripts/stack/app-processes';
import { launchMongo } from '../../scripts/stack/mongo';
import { freePort, sandboxClioEnv, type RunningServer } from '../../scripts/stack/processes';
import { launchTemporal } from '../../scripts/stack/temporal';
import { createSandbox } from '../../sandbox/server';
import { RestartableServer } from './restartable-server';

/** A whole CaseBridge stack on free ports of 127.0.0.1, started for one test file. */
export interface TestStack {
  apiUrl: string;
  sandboxUrl: string;
  mongoUrl: string;
  temporalAddress: string;
  /** The product's environment, as the API and worker processes received it. */
  env: Record<string, string>;
  logDir: string;
  sandbox: Awaited<ReturnType<typeof createSandbox>>;
  /** The database, Temporal and worker processes, which a test may stop or kill and start again. */
  mongo: RestartableServer;
  temporal: RestartableServer;
  worker: RestartableServer;
  stop(): Promise<void>;
}

/** Settings of {@link startTestStack}. */
export interface TestStackOptions {
  /** Matters of the sandbox's default US account. @default 300 */
  matters?: number;
  /** Adds to or replaces the product's environment, for example with higher rate limits. */
  env?: Record<string, string>;
  /** Keeps the database on an H2 file, so it keeps its data when a test restarts it. @default false (in memory) */
  databaseFile?: boolean;
  /** Keeps Temporal's workflows in a SQLite file, so they survive a restart of the dev server. @default false (in memory) */
  temporalFile?: boolean;
}

/**
 * Starts mongo-java-server, a Temporal dev server, the Clio sandbox, the worker and the API,
 * each a real server. The worker and the API run as their own processes, the worker in one Node
 * process so that a test's SIGKILL reaches it. Whatever started is stopped again when a later
 * step fails.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'casebridge-e2e-'));
  // Data files go below the log folder and are deleted on stop, while the logs stay.
  const dataDir = path.join(logDir, 'data');
  mkdirSync(dataDir);
  const started: Array<RunningServer | RestartableServer> = [];
  const sandbox = await createSandbox({ port: 0, defaultAccount: { matters: options.matters ?? 300, seed: 1 } });
  const stop = async () => {
    for (const server of [...started].reverse()) {
      await server.stop();
    }
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const mongoOptions = {
      port: await freePort(),
      logFile: path.join(logDir, 'mongo.log'),
      database: 'casebridge-e2e',
      dataFile: options.databaseFile ? path.join(dataDir, 'casebridge.h2') : undefined,
    };
    const mongo = new RestartableServer('mongo-java-server', () => launchMongo(mongoOptions));
    started.push(mongo);
    await mongo.start();
    const temporalOptions = {
      port: await freePort(),
      uiPort: await freePort(),
      logFile: path.join(logDir, 'temporal.log'),
      dbFile: options.temporalFile ? path.join(dataDir, 'temporal.db') : undefined,
    };
    const temporal = new RestartableServer('Temporal dev server', () => launchTemporal(temporalOptions));
    started.push(temporal);
    await temporal.start();
    const apiPort = await freePort();
    const env: Record<string, string> = {
      MONGODB_URI: `mongodb://127.0.0.1:${mongoOptions.port}/${mongoOptions.database}`,
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalOptions.port}`,
      TEMPORAL_TASK_QUEUE: 'integrations',
      PORT: String(apiPort),
      PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      ...sandboxClioEnv(sandbox.url),
      CREDENTIAL_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'info',
      ...options.env,
    };
    const worker = new RestartableServer('worker', () => startWorkerProcess(env, path.join(logDir, 'worker.log'), { singleProcess: true }));
    started.push(worker);
    await worker.start();
    const api = await startApiProcess(env, path.join(logDir, 'api.log'));
    started.push(api);
    return {
      apiUrl: api.url,
      sandboxUrl: sandbox.url,
      mongoUrl: env.MONGODB_URI,
      temporalAddress: env.TEMPORAL_ADDRESS,
      env,
      logDir,
      sandbox,
      mongo,
      temporal,
      worker,
      stop,
    };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message} (logs in ${logDir})`);
  }
}
