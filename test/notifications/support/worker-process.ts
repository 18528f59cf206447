import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../scripts/stack/processes';

/** A worker process running worker/main.ts, as production runs it. */
export interface WorkerProcess {
  pid: number;
  /** Kills the process with SIGKILL, as a crash or an out-of-memory kill would, and resolves once it has exited. */
  crash(): Promise<void>;
  /** Stops the process with SIGTERM, letting it drain (SIGKILL after 20 s), and resolves once it has exited. */
  stop(): Promise<void>;
}

/** Maximum wait for a worker to bundle the workflows and start polling. */
const START_TIMEOUT_MS = 180_000;

/** Maximum wait for a worker to drain after SIGTERM before it is killed. */
const STOP_TIMEOUT_MS = 20_000;

/**
 * Starts the worker with `env` in one Node process (`node --import tsx`), so a signal, SIGKILL
 * included, reaches the worker itself rather than a launcher. Resolves once it logged
 * "worker started"; its output goes to `logFile`.
 */
export async function startWorkerProcess(env: Record<string, string>, logFile: string): Promise<WorkerProcess> {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'worker', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The worker did not start within ${START_TIMEOUT_MS / 1000} s; see ${logFile}`)), START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker started')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The worker exited with code ${child.exitCode} before starting; see ${logFile}`));
    });
  });
  return {
    pid: child.pid as number,
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(killer);
    },
  };
}
