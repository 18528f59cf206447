import os from 'node:os';
import path from 'node:path';
import { connectDatabase, disconnectDatabase } from '../../lib/db';
import { startMongo } from '../../scripts/stack/mongo';
import { freePort, type RunningServer } from '../../scripts/stack/processes';

/** Starts an in-memory mongo-java-server for one test file and connects mongoose to it. */
export async function startTestDatabase(name: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server: RunningServer = await startMongo({ port: await freePort(), database: name, logFile: path.join(os.tmpdir(), `casebridge-${name}-mongo.log`) });
  await connectDatabase(server.url);
  return {
    url: server.url,
    stop: async () => {
      await disconnectDatabase();
      await server.stop();
    },
  };
}
