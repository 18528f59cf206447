import path from 'node:path';
import { existsSync } from 'node:fs';
import { TOOLS, ROOT, existingServer, isPortOpen, startProcess, type ChildServer, type RunningServer } from './processes';

/** Settings of {@link startMongo} and {@link launchMongo}. */
export interface MongoOptions {
  port: number;
  /** H2 file that keeps the data across restarts. Without it the data lives in memory. */
  dataFile?: string;
  /** Database name appended to the URL. @default casebridge */
  database?: string;
  logFile: string;
}

/**
 * Starts mongo-java-server on 127.0.0.1:`port`, in memory or on the H2 file `dataFile`, or reuses
 * a server already listening there. The database name is appended to the returned URL.
 */
export async function startMongo(options: MongoOptions): Promise<RunningServer> {
  if (await isPortOpen(options.port)) {
    return existingServer(mongoUrl(options), options.port);
  }
  return launchMongo(options);
}

/**
 * Starts a new mongo-java-server process on 127.0.0.1:`port`. Unlike {@link startMongo} it never
 * reuses a server, so a caller that restarts the database on the same port gets its own process
 * or an error when another program took the port meanwhile.
 */
export async function launchMongo(options: MongoOptions): Promise<ChildServer> {
  if (await isPortOpen(options.port)) {
    throw new Error(`Port ${options.port} on 127.0.0.1 is already in use, so mongo-java-server cannot listen there: stop that program or choose another port`);
  }
  const jars = path.join(TOOLS, 'mongo-jars');
  if (!existsSync(jars)) {
    throw new Error(`mongo-java-server is not installed in ${jars}: run npm run install-tools`);
  }
  const args = ['-cp', `${jars}/*`, path.join(ROOT, 'scripts', 'mongo', 'Launcher.java'), String(options.port)];
  if (options.dataFile) {
    args.push(options.dataFile);
  }
  return startProcess({ name: 'mongo-java-server', command: 'java', args, port: options.port, logFile: options.logFile, url: mongoUrl(options) });
}

function mongoUrl(options: MongoOptions): string {
  return `mongodb://127.0.0.1:${options.port}/${options.database ?? 'casebridge'}`;
}
