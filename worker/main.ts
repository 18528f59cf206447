import { NativeConnection } from '@temporalio/worker';
import { loadConfig, ConfigError, type Config } from '../lib/config';
import { connectDatabase, disconnectDatabase } from '../lib/db';
import { CredentialStore } from '../lib/credentials';
import { parseKeyring } from '../lib/crypto';
import { createLogger } from '../lib/logger';
import { regionBaseUrl } from '../lib/clio/regions';
import { createNotificationTransports, type NotificationTransports } from '../lib/notifications';
import { createWorker } from './create-worker';

const logger = createLogger('worker');

/** Builds the email and text-message transports, turning a setting they reject into a ConfigError. */
function notificationTransports(config: Config): NotificationTransports {
  try {
    return createNotificationTransports(config);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ConfigError(`Invalid environment:\n  ${error.message}`);
    }
    throw error;
  }
}

/** Starts the worker process: database, Temporal connection, then polling until SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const transports = notificationTransports(config);
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
    deps: {
      credentials,
      baseUrlFor: (region) => regionBaseUrl(config, region),
      logger,
      notifications: { transports, publicUrl: config.PUBLIC_URL, businessHour: config.NOTIFY_BUSINESS_HOUR },
    },
  });
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, temporal: config.TEMPORAL_ADDRESS, smtp: `${config.SMTP_HOST}:${config.SMTP_PORT}`, sms: Boolean(transports.sms) }, 'worker started');
  // Worker.run() installs its own SIGINT and SIGTERM handling and drains in-flight tasks.
  await worker.run();
  for (const transport of Object.values(transports)) {
    transport.close?.();
  }
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
