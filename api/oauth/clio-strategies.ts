import { Passport } from 'passport';
import OAuth2Strategy from 'passport-oauth2';
import { regionBaseUrl } from '../../lib/clio/regions';
import type { Config } from '../../lib/config';
import { CLIO_REGIONS, type ClioRegion } from '../../lib/integration-status';

/** A passport instance; the app uses its own rather than the module-wide one. */
export type PassportInstance = InstanceType<typeof Passport>;

/** Tokens from Clio's token endpoint after an authorization code exchange. */
export interface ExchangedTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresInSeconds: number | null;
}

/** Returns the passport strategy name of a Clio region, such as `clio-us`. */
export function clioStrategyName(region: ClioRegion): string {
  return `clio-${region}`;
}

/** Returns the OAuth callback URL registered with Clio: PUBLIC_URL + /oauth/clio/callback. */
export function clioCallbackUrl(config: Pick<Config, 'PUBLIC_URL'>): string {
  return `${config.PUBLIC_URL.replace(/\/+$/, '')}/oauth/clio/callback`;
}

/**
 * Clio's OAuth 2.0 authorization code flow. With `redirect_on_decline=true` Clio sends a declined
 * consent back to the callback as `error=access_denied`, instead of leaving the admin on Clio.
 */
class ClioOAuth2Strategy extends OAuth2Strategy {
  override authorizationParams(): object {
    return { redirect_on_decline: 'true' };
  }
}

function toExchangedTokens(accessToken: string, refreshToken: string | undefined, params: { expires_in?: unknown }): ExchangedTokens {
  const expiresIn = Number(params.expires_in);
  return {
    accessToken,
    refreshToken: refreshToken ? refreshToken : null,
    expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : null,
  };
}

/**
 * Creates a passport instance with one Clio strategy per region (`clio-us`, `clio-eu`, `clio-ca`,
 * `clio-au`). The routes manage the OAuth `state` themselves, bound to the session, firm and region,
 * so the strategies keep none.
 */
export function createClioPassport(config: Config): PassportInstance {
  const passport = new Passport();
  for (const region of CLIO_REGIONS) {
    const base = regionBaseUrl(config, region);
    const strategy = new ClioOAuth2Strategy(
      {
        authorizationURL: `${base}/oauth/authorize`,
        tokenURL: `${base}/oauth/token`,
        clientID: config.CLIO_CLIENT_ID,
        clientSecret: config.CLIO_CLIENT_SECRET,
        callbackURL: clioCallbackUrl(config),
        skipUserProfile: true,
      },
      (accessToken: string, refreshToken: string, params: { expires_in?: unknown }, _profile: unknown, done: OAuth2Strategy.VerifyCallback) => {
        done(null, toExchangedTokens(accessToken, refreshToken, params));
      },
    );
    passport.use(clioStrategyName(region), strategy);
  }
  return passport;
}
