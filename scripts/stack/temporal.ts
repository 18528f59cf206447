import path from 'node:path';
import { existsSync } from 'node:fs';
import { TOOLS, existingServer, isPortOpen, startProcess, type ChildServer, type RunningServer } from './processes';

/** Custom search attributes the integration workflow upserts; the Web UI filters on them. */
export const SEARCH_ATTRIBUTES = {
  FirmId: 'Keyword',
  Provider: 'Keyword',
  IntegrationStatus: 'Keyword',
  LastSyncTime: 'Datetime',
} as const;

/** Path of the temporal CLI installed by scripts/install-tools.sh. */
export const TEMPORAL_CLI = path.join(TOOLS, 'venv', 'bin', 'temporal');
/** Path of the time-skipping test server installed by scripts/install-tools.sh. */
export const TEMPORAL_TEST_SERVER = path.join(TOOLS, 'venv', 'bin', 'temporal-test-server');

/** Settings of {@link startTemporal} and {@link launchTemporal}. */
export interface TemporalOptions {
  port: number;
  uiPort: number;
  /** SQLite file that keeps workflows across restarts. Without it the server keeps them in memory and runs no Web UI. */
  dbFile?: string;
  logFile: string;
}

/**
 * Starts the Temporal dev server with its Web UI and the search attributes registered, or reuses
 * one already listening on `port`. `dbFile` keeps workflows across restarts.
 */
export async function startTemporal(options: TemporalOptions): Promise<RunningServer> {
  if (await isPortOpen(options.port)) {
    return existingServer(`127.0.0.1:${options.port}`, options.port);
  }
  return launchTemporal(options);
}

/**
 * Starts a new Temporal dev server process on 127.0.0.1:`port`. Unlike {@link startTemporal} it
 * never reuses a server, so a caller that restarts Temporal on the same port gets its own process
 * or an error when another program took the port meanwhile.
 */
export async function launchTemporal(options: TemporalOptions): Promise<ChildServer> {
  if (await isPortOpen(options.port)) {
    throw new Error(`Port ${options.port} on 127.0.0.1 is already in use, so the Temporal dev server cannot listen there: stop that program or choose another port`);
  }
  if (!existsSync(TEMPORAL_CLI)) {
    throw new Error(`The temporal CLI is not installed at ${TEMPORAL_CLI}: run npm run install-tools`);
  }
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--ui-port', String(options.uiPort), '--log-level', 'warn'];
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) {
    args.push('--search-attribute', `${name}=${type}`);
  }
  if (options.dbFile) {
    args.push('--db-filename', options.dbFile);
  } else {
    args.push('--headless');
  }
  const url = `127.0.0.1:${options.port}`;
  return startProcess({ name: 'Temporal dev server', command: TEMPORAL_CLI, args, port: options.port, logFile: options.logFile, url });
}
