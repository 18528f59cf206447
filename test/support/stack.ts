import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApiProcess, startWorkerProcess } from '../../scripts/stack/app-processes';
import { startMongo } from '../../scripts/stack/mongo';
import { freePort, type RunningServer } from '../../scripts/stack/processes';
import { startTemporal } from '../../scripts/stack/temporal';
import { createSandbox } from '../../sandbox/server';

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
  stop(): Promise<void>;
}

/**
 * Starts mongo-java-server in memory, a Temporal dev server, the Clio sandbox, the worker and the
 * API, each a real server; the worker and the API run as their own processes.
 * `env` adds to or replaces the product's environment, for example with higher rate limits.
 */
export async function startTestStack(options: { matters?: number; env?: Record<string, string> } = {}): Promise<TestStack> {
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'casebridge-e2e-'));
  const started: RunningServer[] = [];
  const sandbox = await createSandbox({ port: 0, defaultAccount: { matters: options.matters ?? 300, seed: 1 } });
  try {
    const mongo = await startMongo({ port: await freePort(), logFile: path.join(logDir, 'mongo.log'), database: 'casebridge-e2e' });
    started.push(mongo);
    const temporal = await startTemporal({ port: await freePort(), uiPort: await freePort(), logFile: path.join(logDir, 'temporal.log') });
    started.push(temporal);
    const apiPort = await freePort();
    const env: Record<string, string> = {
      MONGODB_URI: mongo.url,
      TEMPORAL_ADDRESS: temporal.url,
      TEMPORAL_TASK_QUEUE: 'integrations',
      PORT: String(apiPort),
      PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      CLIO_CLIENT_ID: 'casebridge-dev',
      CLIO_CLIENT_SECRET: 'casebridge-dev-secret',
      CLIO_BASE_URL_US: `${sandbox.url}/us`,
      CLIO_BASE_URL_EU: `${sandbox.url}/eu`,
      CLIO_BASE_URL_CA: `${sandbox.url}/ca`,
      CLIO_BASE_URL_AU: `${sandbox.url}/au`,
      CREDENTIAL_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'info',
      ...options.env,
    };
    started.push(await startWorkerProcess(env, path.join(logDir, 'worker.log')));
    const api = await startApiProcess(env, path.join(logDir, 'api.log'));
    started.push(api);
    return {
      apiUrl: api.url,
      sandboxUrl: sandbox.url,
      mongoUrl: mongo.url,
      temporalAddress: temporal.url,
      env,
      logDir,
      sandbox,
      stop: async () => {
        for (const server of started.reverse()) {
          await server.stop();
        }
        await sandbox.close();
      },
    };
  } catch (error) {
    for (const server of started.reverse()) {
      await server.stop();
    }
    await sandbox.close();
    throw new Error(`${(error as Error).message} (logs in ${logDir})`);
  }
}
