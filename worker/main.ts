import { NativeConnection } from '@temporalio/worker';
import { loadConfig, ConfigError } from '../lib/config';
import { connectDatabase, disconnectDatabase } from '../lib/db';
import { CredentialStore } from '../lib/credentials';
import { parseKeyring } from '../lib/crypto';
import { createLogger } from '../lib/logger';
import { regionBaseUrl } from '../lib/clio/regions';
import { createWorker } from './create-worker';

const logger = createLogger('worker');

/** Starts the worker process: database, Temporal connection, then polling until SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  await connectDatabase(config.MONGODB_URI);
  const credentials = new CredentialStore({
    keyring: parseKeyring(config.CREDENTIAL_KEYS),
    app: { clientId: config.CLIO_CLIENT_ID, clientSecret: config.CLIO_CLIENT_SECRET },
    baseUrlFor: (region) => regionBaseUrl(config, region),
  });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    deps: { credentials, baseUrlFor: (region) => regionBaseUrl(config, region), logger },
  });
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, temporal: config.TEMPORAL_ADDRESS }, 'worker started');
  // Worker.run() installs its own SIGINT and SIGTERM handling and drains in-flight tasks.
  await worker.run();
  await connection.close();
  await disconnectDatabase();
  logger.info('worker stopped');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.error({ err: error }, 'worker failed');
  }
  process.exit(1);
});
