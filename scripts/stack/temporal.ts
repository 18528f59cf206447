import path from 'node:path';
import { existsSync } from 'node:fs';
import { TOOLS, existingServer, isPortOpen, startProcess, type RunningServer } from './processes';

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

/**
 * Starts the Temporal dev server with its Web UI and the search attributes registered, or reuses
 * one already listening on `port`. `dbFile` keeps workflows across restarts.
 */
export async function startTemporal(options: { port: number; uiPort: number; dbFile?: string; logFile: string }): Promise<RunningServer> {
  const url = `127.0.0.1:${options.port}`;
  if (await isPortOpen(options.port)) {
    return existingServer(url, options.port);
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
  return startProcess({ name: 'Temporal dev server', command: TEMPORAL_CLI, args, port: options.port, logFile: options.logFile, url });
}
