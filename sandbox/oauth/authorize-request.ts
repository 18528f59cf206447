import type { OAuthClient } from './client-credentials';
import type { ConsentFormValues } from './authorize-page';

/** Outcome of checking an authorization request's client and redirect URI. */
export type AuthorizeRequestCheck =
  | { ok: true; form: ConsentFormValues }
  /** The redirect URI cannot be trusted, so the error is shown on a page and never redirected. */
  | { ok: false; message: string };

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/**
 * Checks client_id and redirect_uri of an authorization request, from the query string (GET) or
 * the consent form (POST). redirect_uri must be an absolute http or https URL without a fragment.
 */
export function checkAuthorizeRequest(input: Record<string, unknown>, client: OAuthClient): AuthorizeRequestCheck {
  const clientId = firstString(input.client_id);
  const redirectUri = firstString(input.redirect_uri);
  if (!clientId) return { ok: false, message: 'The request has no client_id; add the client_id of the Clio app.' };
  if (clientId !== client.clientId) return { ok: false, message: `client_id "${clientId}" is not an app registered with this sandbox.` };
  if (!redirectUri) return { ok: false, message: 'The request has no redirect_uri; add the callback URL of the app.' };

  let parsed: URL;
  try {
    parsed = new URL(redirectUri);
  } catch {
    return { ok: false, message: `redirect_uri "${redirectUri}" is not an absolute URL.` };
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hash !== '') {
    return { ok: false, message: `redirect_uri "${redirectUri}" must be an http or https URL without a fragment.` };
  }

  const state = firstString(input.state);
  return {
    ok: true,
    form: { clientId, redirectUri, state: state === undefined || state === '' ? null : state, redirectOnDecline: firstString(input.redirect_on_decline) === 'true' },
  };
}

/** Builds the redirect to the app's callback, adding `params` to any query the redirect URI already has. */
export function callbackUrl(redirectUri: string, params: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null) url.searchParams.set(name, value);
  }
  return url.href;
}
