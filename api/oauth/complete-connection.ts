import { ClioApi } from '../../lib/clio/api';
import { ClioReauthorizationRequiredError } from '../../lib/clio/errors';
import { regionBaseUrl } from '../../lib/clio/regions';
import type { ClioRegion } from '../../lib/integration-status';
import { Integration } from '../../lib/models';
import type { Logger } from '../../lib/logger';
import type { RouteDeps } from '../app-deps';
import type { ExchangedTokens } from './clio-strategies';

/** How often the callback reads the integration while waiting for the workflow to take the new credentials. */
const ACKNOWLEDGEMENT_POLL_MS = 200;

/** How long the callback waits for that before redirecting anyway. */
const ACKNOWLEDGEMENT_TIMEOUT_MS = 15_000;

/**
 * The outcome of storing a new Clio connection: `connected` once the workflow acknowledged the
 * credentials, `pending` when it had not within 15 seconds, `failed` when the connection could
 * not be completed and nothing was handed to the workflow.
 */
export type ConnectionOutcome = 'connected' | 'pending' | 'failed';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the integration read model until its credential version reaches `version`, or the timeout passes. */
async function waitForCredentialVersion(firmId: string, version: number): Promise<boolean> {
  const deadline = Date.now() + ACKNOWLEDGEMENT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const doc = await Integration.findOne({ firmId, provider: 'clio' }, { credentialVersion: 1 }).lean();
    if (doc && (doc.credentialVersion ?? 0) >= version) {
      return true;
    }
    await sleep(ACKNOWLEDGEMENT_POLL_MS);
  }
  return false;
}

/**
 * Completes a connection after a successful code exchange: reads the connected Clio user,
 * stores the encrypted tokens, delivers the authorization to the firm's workflow, and waits for
 * the workflow to acknowledge the new credential version. Tokens appear in no log line.
 */
export async function completeClioConnection(
  deps: Pick<RouteDeps, 'config' | 'credentials' | 'integrations'>,
  log: Logger,
  firmId: string,
  region: ClioRegion,
  tokens: ExchangedTokens,
): Promise<ConnectionOutcome> {
  const { refreshToken, expiresInSeconds } = tokens;
  if (!refreshToken || expiresInSeconds === null) {
    log.error({ firmId, region, hasRefreshToken: Boolean(refreshToken), hasExpiry: expiresInSeconds !== null }, 'Clio token response lacks a refresh token or expiry');
    return 'failed';
  }

  const api = new ClioApi(regionBaseUrl(deps.config, region), {
    current: async () => tokens.accessToken,
    refreshAfterRejection: async () => {
      throw new ClioReauthorizationRequiredError('Clio rejected the access token it had just issued');
    },
  });
  let clioUser: { id: number; name: string };
  try {
    const user = await api.whoAmI();
    clioUser = { id: user.id, name: user.name };
  } catch (error) {
    log.error({ firmId, region, errorName: (error as Error)?.name, errorMessage: (error as Error)?.message }, 'reading the connected Clio user failed');
    return 'failed';
  }

  const credentialVersion = await deps.credentials.save(firmId, region, { accessToken: tokens.accessToken, refreshToken, expiresInSeconds });
  const sent = await deps.integrations.connect(firmId, { credentialVersion, region, clioUser });
  if (!sent.ok) {
    log.error({ firmId, region, credentialVersion, errorCode: sent.rejection.code }, 'delivering the Clio authorization to the workflow failed');
    return 'failed';
  }

  const acknowledged = await waitForCredentialVersion(firmId, credentialVersion);
  if (!acknowledged) {
    log.warn({ firmId, region, credentialVersion }, 'the workflow did not acknowledge the new Clio credentials within 15 s');
    return 'pending';
  }
  log.info({ firmId, region, credentialVersion, clioUserId: clioUser.id }, 'Clio connected');
  return 'connected';
}
