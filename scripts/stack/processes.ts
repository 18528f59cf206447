import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import path from 'node:path';

/** Project root, two levels above this file. */
export const ROOT = path.resolve(__dirname, '..', '..');
/** Git-ignored folder with the installed servers. */
export const TOOLS = path.join(ROOT, 'tools');

/** A server this process started, or found already running. */
export interface RunningServer {
  url: string;
  port: number;
  /** False when the server was already running and is left alone on stop. */
  owned: boolean;
  stop(): Promise<void>;
}

/** A server process that this process started, which a caller may also send a signal, for example to crash it. */
export interface ChildServer extends RunningServer {
  pid: number;
  /** Sends `signal` to the process and resolves once it has exited, at once when it already has. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Resolves true when something accepts TCP connections on 127.0.0.1:`port`. */
export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Returns a port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until `port` accepts connections, or throws after `timeoutMs` naming the server. */
export async function waitForPort(name: string, port: number, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`${name} exited with code ${child.exitCode} before listening on 127.0.0.1:${port}; see its log`);
    }
    if (await isPortOpen(port)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not listen on 127.0.0.1:${port} within ${timeoutMs / 1000} s; see its log`);
}

/**
 * Starts `command` with its output appended to `logFile`, and waits for it to listen on `port`.
 * The returned stop() sends SIGTERM and waits up to 10 s before SIGKILL.
 */
export async function startProcess(options: {
  name: string;
  command: string;
  args: string[];
  port: number;
  logFile: string;
  url: string;
  env?: NodeJS.ProcessEnv;
  startTimeoutMs?: number;
}): Promise<ChildServer> {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(options.command, options.args, { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  await waitForPort(options.name, options.port, options.startTimeoutMs ?? 60_000, child);
  return {
    url: options.url,
    port: options.port,
    owned: true,
    pid: child.pid as number,
    stop: () => stopChild(child, 10_000),
    kill: (signal) => signalChild(child, signal),
  };
}

/** True once `child` has exited, by itself or on a signal. */
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Sends SIGTERM to `child` and waits for it to exit, sending SIGKILL after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (hasExited(child)) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => { clearTimeout(killer); resolve(); });
    child.kill('SIGTERM');
  });
}

/** Sends `signal` to `child` and resolves once it has exited, however long that takes. */
export function signalChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (hasExited(child)) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Describes a server that was already running, which stop() leaves running. */
export function existingServer(url: string, port: number): RunningServer {
  return { url, port, owned: false, stop: async () => undefined };
}

/**
 * Returns the product settings that point it at a Clio sandbox: the sandbox's development app
 * and one base URL per region, each a path below the sandbox's URL.
 */
export function sandboxClioEnv(sandboxUrl: string): Record<string, string> {
  return {
    CLIO_CLIENT_ID: 'casebridge-dev',
    CLIO_CLIENT_SECRET: 'casebridge-dev-secret',
    CLIO_BASE_URL_US: `${sandboxUrl}/us`,
    CLIO_BASE_URL_EU: `${sandboxUrl}/eu`,
    CLIO_BASE_URL_CA: `${sandboxUrl}/ca`,
    CLIO_BASE_URL_AU: `${sandboxUrl}/au`,
  };
}
