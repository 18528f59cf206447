import { ClioHttpError, ClioReauthorizationRequiredError } from './errors';

/** Tokens from Clio's token endpoint; Clio may omit the refresh token on refresh. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string | null;
  expiresInSeconds: number;
}

/** Identity of the CaseBridge app at Clio. */
export interface ClioAppCredentials {
  clientId: string;
  clientSecret: string;
}

const TOKEN_TIMEOUT_MS = 30_000;

/** Parses a token endpoint body, rejecting one without an access token or lifetime. */
export function parseTokenResponse(body: unknown): TokenResponse {
  const value = body as Record<string, unknown> | null;
  if (!value || typeof value.access_token !== 'string' || typeof value.expires_in !== 'number') {
    throw new ClioHttpError('Clio token endpoint returned no access_token or expires_in', 502);
  }
  return {
    accessToken: value.access_token,
    refreshToken: typeof value.refresh_token === 'string' ? value.refresh_token : null,
    expiresInSeconds: value.expires_in,
  };
}

/**
 * Exchanges a refresh token for a new access token at `{baseUrl}/oauth/token`.
 * Throws ClioReauthorizationRequiredError when Clio returns `invalid_grant`.
 */
export async function requestTokenRefresh(baseUrl: string, app: ClioAppCredentials, refreshToken: string): Promise<TokenResponse> {
  const response = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: app.clientId, client_secret: app.clientSecret }),
    signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
  });
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    return parseTokenResponse(body);
  }
  const error = (body as { error?: unknown } | null)?.error;
  if (error === 'invalid_grant') {
    throw new ClioReauthorizationRequiredError('Clio rejected the refresh token (invalid_grant): the firm must reconnect Clio');
  }
  throw new ClioHttpError(`Clio token endpoint returned ${response.status} (${typeof error === 'string' ? error : 'no error code'}) to a refresh`, response.status);
}

/** Revokes a grant at `{baseUrl}/oauth/deauthorize`; a token Clio already considers dead counts as revoked. */
export async function revokeGrant(baseUrl: string, accessToken: string): Promise<void> {
  const response = await fetch(`${baseUrl}/oauth/deauthorize`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: accessToken }),
    signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
  });
  if (!response.ok && response.status !== 401) {
    throw new ClioHttpError(`Clio deauthorize returned ${response.status}`, response.status);
  }
}
