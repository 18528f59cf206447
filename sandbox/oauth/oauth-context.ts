import type { Logger } from 'pino';
import type { SandboxStore } from '../store/sandbox-store';
import type { OAuthClient } from './client-credentials';

/** Dependencies shared by the OAuth handlers. */
export interface OAuthContext {
  store: SandboxStore;
  client: OAuthClient;
  /** Whether refresh responses repeat the unchanged refresh token, which Clio may leave out. */
  refreshResponseIncludesRefreshToken: boolean;
  logger: Logger;
}
