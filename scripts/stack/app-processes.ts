import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, existingServer, isPortOpen, signalChild, startProcess, stopChild, type ChildServer, type RunningServer } from './processes';

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/**
 * Starts the Clio sandbox as its own process on 127.0.0.1:`port`, or reuses one already there.
 * `matters` sizes the account created at start.
 */
export async function startSandboxProcess(options: { port: number; matters?: number; logFile: string }): Promise<RunningServer> {
  const url = `http://127.0.0.1:${options.port}`;
  if (await isPortOpen(options.port)) {
    return existingServer(url, options.port);
  }
  return startProcess({
    name: 'Clio sandbox',
    command: TSX,
    args: [path.join(ROOT, 'sandbox', 'main.ts')],
    port: options.port,
    logFile: options.logFile,
    url,
    env: { SANDBOX_PORT: String(options.port), SANDBOX_MATTERS: String(options.matters ?? 300) },
  });
}

/** Starts the API process with `env` (the product's configuration) and waits for it to listen. */
export async function startApiProcess(env: NodeJS.ProcessEnv, logFile: string): Promise<RunningServer> {
  const port = Number(env.PORT);
  // Another program's server on the port would look ready, so a busy port is an error here.
  if (await isPortOpen(port)) {
    throw new Error(`Port ${port} on 127.0.0.1 is already in use, so the CaseBridge API cannot listen there: stop that program or set PORT to a free port`);
  }
  return startProcess({ name: 'CaseBridge API', command: TSX, args: [path.join(ROOT, 'api', 'main.ts')], port, logFile, url: `http://127.0.0.1:${port}`, env });
}

/** Settings of {@link startWorkerProcess}. */
export interface WorkerProcessOptions {
  /**
   * Runs the worker in one Node process (`node --import tsx`) instead of below the tsx launcher,
   * so that a signal, SIGKILL included, reaches the worker itself. The launcher relays SIGTERM
   * and SIGINT but cannot relay SIGKILL, which would leave its child running. @default false
   */
  singleProcess?: boolean;
}

/**
 * Starts the worker process with `env`. A worker listens on no port, so readiness is its
 * "worker started" log line.
 */
export async function startWorkerProcess(env: NodeJS.ProcessEnv, logFile: string, options: WorkerProcessOptions = {}): Promise<ChildServer> {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  const entry = path.join(ROOT, 'worker', 'main.ts');
  const [command, args] = options.singleProcess ? [process.execPath, ['--import', 'tsx', entry]] : [TSX, [entry]];
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.pipe(log);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The worker did not start within 120 s; see ${logFile}`)), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (chunk.toString().includes('worker started')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The worker exited with code ${code} before starting; see ${logFile}`));
    });
  });
  child.stdout.removeAllListeners('data');
  child.stdout.pipe(log);
  return {
    url: '',
    port: 0,
    owned: true,
    pid: child.pid as number,
    stop: () => stopChild(child, 15_000),
    kill: (signal) => signalChild(child, signal),
  };
}
