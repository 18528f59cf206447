import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandboxProcess, startWorkerProcess } from '../../scripts/stack/app-processes';
import { startMongo } from '../../scripts/stack/mongo';
import { freePort, sandboxClioEnv, type RunningServer } from '../../scripts/stack/processes';
import { startTemporal } from '../../scripts/stack/temporal';
import { findWorkerPid } from './processes';

/** The servers one benchmark run uses, all on free ports of 127.0.0.1 and started by it. */
export interface BenchStack {
  mongoUrl: string;
  temporalAddress: string;
  sandboxUrl: string;
  /** The worker's environment, which also contains the credential keys the benchmark must share. */
  env: Record<string, string>;
  /** Process id of the Node process that runs worker/main.ts (below the tsx launcher). */
  workerPid: number;
  logDir: string;
  stop(): Promise<void>;
}

/** Settings of {@link startBenchStack}. */
export interface BenchStackOptions {
  /** Matters of the sandbox's default US account. */
  matters: number;
  /** Folder for a CPU profile of the worker, written when it stops; no profile when absent. */
  workerProfileDir?: string;
}

/**
 * Starts mongo-java-server in memory, a Temporal dev server, the Clio sandbox (its own process,
 * rate limit off) and the worker process. Whatever started is stopped again when a later step fails.
 */
export async function startBenchStack(options: BenchStackOptions): Promise<BenchStack> {
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'casebridge-bench-'));
  const started: RunningServer[] = [];
  const stop = async () => {
    for (const server of started.reverse()) {
      await server.stop();
    }
  };
  try {
    const mongo = await startMongo({ port: await freePort(), logFile: path.join(logDir, 'mongo.log'), database: 'casebridge-bench' });
    started.push(mongo);
    const temporal = await startTemporal({ port: await freePort(), uiPort: await freePort(), logFile: path.join(logDir, 'temporal.log') });
    started.push(temporal);
    const sandbox = await startSandboxProcess({ port: await freePort(), matters: options.matters, logFile: path.join(logDir, 'sandbox.log') });
    started.push(sandbox);
    assertOwned([mongo, temporal, sandbox]);

    const env: Record<string, string> = {
      MONGODB_URI: mongo.url,
      TEMPORAL_ADDRESS: temporal.url,
      TEMPORAL_TASK_QUEUE: 'integrations',
      ...sandboxClioEnv(sandbox.url),
      CREDENTIAL_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'info',
    };
    const workerEnv = options.workerProfileDir
      ? { ...env, NODE_OPTIONS: `--require ${path.join(__dirname, 'cpu-profile-preload.cjs')}`, CPU_PROFILE_DIR: options.workerProfileDir }
      : env;
    started.push(await startWorkerProcess(workerEnv, path.join(logDir, 'worker.log')));

    return { mongoUrl: mongo.url, temporalAddress: temporal.url, sandboxUrl: sandbox.url, env, workerPid: findWorkerPid(), logDir, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message} (logs in ${logDir})`);
  }
}

/** The start helpers reuse a server found on the port; a benchmark must measure only its own. */
function assertOwned(servers: RunningServer[]): void {
  const foreign = servers.find((server) => !server.owned);
  if (foreign) {
    throw new Error(`Port ${foreign.port} was taken by another server between choosing and using it; run the benchmark again`);
  }
}
