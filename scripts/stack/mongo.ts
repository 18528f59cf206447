import path from 'node:path';
import { existsSync } from 'node:fs';
import { TOOLS, ROOT, existingServer, isPortOpen, startProcess, type RunningServer } from './processes';

/**
 * Starts mongo-java-server on 127.0.0.1:`port`, in memory or on the H2 file `dataFile`, or reuses
 * a server already listening there. The database name is appended to the returned URL.
 */
export async function startMongo(options: { port: number; dataFile?: string; database?: string; logFile: string }): Promise<RunningServer> {
  const database = options.database ?? 'casebridge';
  const url = `mongodb://127.0.0.1:${options.port}/${database}`;
  if (await isPortOpen(options.port)) {
    return existingServer(url, options.port);
  }
  const jars = path.join(TOOLS, 'mongo-jars');
  if (!existsSync(jars)) {
    throw new Error(`mongo-java-server is not installed in ${jars}: run npm run install-tools`);
  }
  const args = ['-cp', `${jars}/*`, path.join(ROOT, 'scripts', 'mongo', 'Launcher.java'), String(options.port)];
  if (options.dataFile) {
    args.push(options.dataFile);
  }
  return startProcess({ name: 'mongo-java-server', command: 'java', args, port: options.port, logFile: options.logFile, url });
}
