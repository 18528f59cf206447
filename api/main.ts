import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { regionBaseUrl } from '../lib/clio/regions';
import { ConfigError, loadConfig, type Config } from '../lib/config';
import { CredentialStore } from '../lib/credentials';
import { KeyringError, parseKeyring } from '../lib/crypto';
import { connectDatabase, disconnectDatabase } from '../lib/db';
import { createLogger } from '../lib/logger';
import { createApp } from './app';
import { MongooseSessionStore } from './session-store';
import { TemporalGateway } from './temporal-gateway';

/** How often expired sessions are deleted; the database may lack TTL indexes to do it. */
const SESSION_CLEANUP_INTERVAL_MS = 60 * 60_000;

/** Maximum wait for open requests at shutdown; an OAuth callback may wait up to 15 s for the workflow. */
const SHUTDOWN_GRACE_MS = 20_000;

/** Address the server binds to; set HOST to listen elsewhere, for example 0.0.0.0 in a container. */
const DEFAULT_HOST = '127.0.0.1';

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger('api', config.LOG_LEVEL);
  let keyring;
  try {
    keyring = parseKeyring(config.CREDENTIAL_KEYS);
  } catch (error) {
    if (error instanceof KeyringError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  await connectDatabase(config.MONGODB_URI);
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });

  const credentials = new CredentialStore({
    keyring,
    app: { clientId: config.CLIO_CLIENT_ID, clientSecret: config.CLIO_CLIENT_SECRET },
    baseUrlFor: (region) => regionBaseUrl(config, region),
  });
  const integrations = new TemporalGateway(client.workflow, config.TEMPORAL_TASK_QUEUE, createLogger('temporal-gateway', config.LOG_LEVEL));
  const sessionStore = new MongooseSessionStore();
  const app = createApp({ config, credentials, integrations, logger, sessionStore });

  const host = process.env.HOST ?? DEFAULT_HOST;
  // Express 5 calls the listen callback with the error when the server cannot listen.
  const server: Server = app.listen(config.PORT, host, (error?: Error) => {
    if (error) {
      logger.fatal({ err: error, host, port: config.PORT }, 'API could not listen; is the port in use?');
      process.exit(1);
    }
    logger.info({ url: `http://${host}:${config.PORT}`, publicUrl: config.PUBLIC_URL }, 'API listening');
  });

  const cleanup = setInterval(() => {
    sessionStore.deleteExpired().then(
      (deleted) => logger.debug({ deleted }, 'deleted expired sessions'),
      (error: unknown) => logger.error({ err: error }, 'deleting expired sessions failed'),
    );
  }, SESSION_CLEANUP_INTERVAL_MS);
  cleanup.unref();

  const stop = (signal: string) => {
    logger.info({ signal }, 'API stopping');
    clearInterval(cleanup);
    server.close(() => {
      void Promise.allSettled([connection.close(), disconnectDatabase()]).then(() => {
        logger.info('API stopped');
        process.exit(0);
      });
    });
    server.closeIdleConnections();
    setTimeout(() => {
      logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, 'requests still open at the end of the shutdown grace period; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  createLogger('api').fatal({ err: error }, 'API failed to start');
  process.exit(1);
});
