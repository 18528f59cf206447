import type { CredentialStore } from '../lib/credentials';
import type { ClioRegion } from '../lib/integration-status';
import type { Logger } from '../lib/logger';
import type { NotificationTransports } from '../lib/notifications';
import { ClioApi } from '../lib/clio/api';
import { RateLimitPacers } from '../lib/clio/rate-limit';
import { ClioReauthorizationRequiredError } from '../lib/clio/errors';

/** Dependencies of the activities; tests pass in real or fake ones. */
export interface ActivityDependencies {
  credentials: CredentialStore;
  baseUrlFor: (region: ClioRegion) => string;
  logger: Logger;
  now?: () => Date;
  /** Rate-limit state per firm, shared by every activity of this worker. */
  pacers?: RateLimitPacers;
  /**
   * Client updates and admin alerts. Without it, syncs still record changes in the outbox, but
   * nothing can be sent, so only tests that send nothing leave it out.
   */
  notifications?: NotificationDependencies;
}

/** Settings of the notification activities, from the worker's configuration. */
export interface NotificationDependencies {
  transports: NotificationTransports;
  /** Address of the web app, for the reconnect link in admin alerts (PUBLIC_URL). */
  publicUrl: string;
  /** Local time, HH:MM, at which queued client updates go out (NOTIFY_BUSINESS_HOUR). @default 08:00 */
  businessHour?: string;
}

const sharedPacers = new RateLimitPacers();

/** Builds a Clio API client for the firm's region, with tokens from the credentials store. */
export async function clioApiFor(deps: ActivityDependencies, firmId: string): Promise<ClioApi> {
  const region = await deps.credentials.region(firmId);
  if (!region) {
    throw new ClioReauthorizationRequiredError(`No Clio credentials are stored for firm ${firmId}: the firm must connect Clio`);
  }
  return new ClioApi(deps.baseUrlFor(region), deps.credentials.tokenSource(firmId), { pacer: (deps.pacers ?? sharedPacers).forFirm(firmId) });
}
