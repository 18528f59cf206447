import type { Request, Response } from 'express';
import type { ClioRegion } from '../../lib/integration-status';
import { clioStrategyName, type ExchangedTokens, type PassportInstance } from './clio-strategies';

/** Maximum wait for Clio's token endpoint; the OAuth library sets no timeout of its own. */
const TOKEN_EXCHANGE_TIMEOUT_MS = 30_000;

/** The outcome of exchanging an authorization code; `failure` holds only fields that are safe to log. */
export type CodeExchangeResult =
  | { ok: true; tokens: ExchangedTokens }
  | { ok: false; failure: { reason: string; errorCode?: string; httpStatus?: number } };

/** Picks the loggable fields of a passport-oauth2 error: never its message body, which came from Clio. */
function describeFailure(error: unknown): { reason: string; errorCode?: string; httpStatus?: number } {
  const value = error as { name?: string; code?: unknown; oauthError?: { statusCode?: unknown } } | null;
  return {
    reason: value?.name ?? 'Error',
    errorCode: typeof value?.code === 'string' ? value.code : undefined,
    httpStatus: typeof value?.oauthError?.statusCode === 'number' ? value.oauthError.statusCode : undefined,
  };
}

/**
 * Exchanges the authorization code in the callback's query at the region's token endpoint,
 * through the region's passport strategy. Call it only for a callback that carries `code`:
 * without one, the strategy would start a new authorization instead.
 */
export function exchangeAuthorizationCode(passport: PassportInstance, region: ClioRegion, req: Request, res: Response): Promise<CodeExchangeResult> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, failure: { reason: 'timeout' } }), TOKEN_EXCHANGE_TIMEOUT_MS);
    const finish = (result: CodeExchangeResult) => {
      clearTimeout(timer);
      resolve(result);
    };

    const authenticate = passport.authenticate(clioStrategyName(region), { session: false }, (error: unknown, tokens: ExchangedTokens | false) => {
      if (error) {
        finish({ ok: false, failure: describeFailure(error) });
      } else if (!tokens) {
        finish({ ok: false, failure: { reason: 'no_tokens' } });
      } else {
        finish({ ok: true, tokens });
      }
    });
    authenticate(req, res, (error?: unknown) => finish({ ok: false, failure: describeFailure(error) }));
  });
}
