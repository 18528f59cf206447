import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Region } from '../../regions';
import type { GrantResult, IssuedTokens } from '../../store/grant-registry';
import { readClientCredentials } from '../client-credentials';
import type { OAuthContext } from '../oauth-context';
import { sendTokenError } from '../oauth-error';

function readForm(body: unknown): Record<string, string | undefined> {
  const form: Record<string, string | undefined> = {};
  if (body && typeof body === 'object') {
    for (const [name, value] of Object.entries(body)) {
      if (typeof value === 'string') form[name] = value;
    }
  }
  return form;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Creates the handler of POST /{region}/oauth/token for the authorization_code and
 * refresh_token grants. The body is form-encoded, and client credentials come from the form or from
 * HTTP Basic authentication.
 */
export function createIssueTokenHandler(context: OAuthContext) {
  return function issueToken(req: Request, res: Response): void {
    const region = req.params.region as Region;
    const form = readForm(req.body);
    const credentials = readClientCredentials(req, form);
    if (!credentials.ok) {
      sendTokenError(res, 'invalid_request', credentials.description);
      return;
    }
    const { client } = context;
    if (credentials.clientId !== client.clientId || credentials.clientSecret === null || !sameSecret(credentials.clientSecret, client.clientSecret)) {
      sendTokenError(res, 'invalid_client', `Client authentication failed for client_id "${credentials.clientId}".`, credentials.viaBasic);
      return;
    }

    const nowMs = context.store.nowMs();
    let result: GrantResult<IssuedTokens>;
    if (form.grant_type === 'authorization_code') {
      if (!form.code || !form.redirect_uri) {
        sendTokenError(res, 'invalid_request', 'The authorization_code grant needs code and redirect_uri.');
        return;
      }
      result = context.store.grants.redeemCode(form.code, region, credentials.clientId, form.redirect_uri, nowMs);
    } else if (form.grant_type === 'refresh_token') {
      if (!form.refresh_token) {
        sendTokenError(res, 'invalid_request', 'The refresh_token grant needs refresh_token.');
        return;
      }
      result = context.store.grants.refresh(form.refresh_token, region, credentials.clientId, nowMs);
    } else if (form.grant_type === undefined) {
      sendTokenError(res, 'invalid_request', 'grant_type is missing; use authorization_code or refresh_token.');
      return;
    } else {
      sendTokenError(res, 'unsupported_grant_type', `grant_type "${form.grant_type}" is not supported; use authorization_code or refresh_token.`);
      return;
    }

    if (!result.ok) {
      context.logger.info({ region, grantType: form.grant_type, reason: result.description }, 'token request rejected');
      sendTokenError(res, result.error, result.description);
      return;
    }
    const body: Record<string, unknown> = {
      token_type: 'bearer',
      access_token: result.value.accessToken,
      expires_in: result.value.expiresInSeconds,
    };
    if (form.grant_type === 'authorization_code' || context.refreshResponseIncludesRefreshToken) {
      body.refresh_token = result.value.refreshToken;
    }
    res.status(200).set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json(body);
  };
}
