import { Client, Connection } from '@temporalio/client';
import { CredentialStore } from '../../lib/credentials';
import { parseKeyring } from '../../lib/crypto';
import { connectDatabase, disconnectDatabase } from '../../lib/db';
import { startBenchStack, type BenchStack, type BenchStackOptions } from './bench-stack';

/** A started stack plus this process's connections to its database and Temporal server. */
export interface BenchSession {
  stack: BenchStack;
  client: Client;
  /** The credentials store with the worker's keys, so tokens saved here open in the worker. */
  credentials: CredentialStore;
}

/**
 * Starts a benchmark stack, connects mongoose and a Temporal client to it, runs `body`, then
 * closes the connections and stops every server, also when `body` throws or on SIGINT or SIGTERM.
 */
export async function withBenchSession<T>(options: BenchStackOptions, body: (session: BenchSession) => Promise<T>): Promise<T> {
  const stack = await startBenchStack(options);
  // The servers are child processes, so they are stopped before exiting to leave none running unowned.
  const stopOnSignal = (signal: NodeJS.Signals) => {
    console.error(`${signal} received: stopping the benchmark's servers`);
    void stack.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  let connection: Connection | null = null;
  try {
    await connectDatabase(stack.mongoUrl);
    connection = await Connection.connect({ address: stack.temporalAddress });
    const credentials = new CredentialStore({
      keyring: parseKeyring(stack.env.CREDENTIAL_KEYS),
      app: { clientId: stack.env.CLIO_CLIENT_ID, clientSecret: stack.env.CLIO_CLIENT_SECRET },
      baseUrlFor: (region) => `${stack.sandboxUrl}/${region}`,
    });
    return await body({ stack, client: new Client({ connection }), credentials });
  } catch (error) {
    throw new Error(`${(error as Error).message} (server logs in ${stack.logDir})`, { cause: error });
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    await connection?.close();
    await disconnectDatabase();
    await stack.stop();
  }
}
