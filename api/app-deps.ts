import type { Store } from 'express-session';
import type { Config } from '../lib/config';
import type { CredentialStore } from '../lib/credentials';
import type { Logger } from '../lib/logger';
import type { IntegrationGateway } from './integration-gateway';
import type { PassportInstance } from './oauth/clio-strategies';

/** Dependencies that the process running the app hands to createApp. */
export interface AppDeps {
  config: Config;
  credentials: CredentialStore;
  integrations: IntegrationGateway;
  logger: Logger;
  /** Clock for link, state and session expiry. @default () => new Date() */
  now?: () => Date;
  /** Store of browser sessions. @default a MongooseSessionStore on the Session model */
  sessionStore?: Store;
}

/** The dependencies handed to route handlers, with defaults filled in. */
export interface RouteDeps extends Omit<AppDeps, 'now' | 'sessionStore'> {
  now: () => Date;
  /** The passport instance with one Clio strategy per region. */
  passport: PassportInstance;
}
