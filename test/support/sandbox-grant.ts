import { parseTokenResponse, type TokenResponse } from '../../lib/clio/oauth';
import { readConsentForm } from './browser';

/**
 * Runs the authorization code grant against the sandbox without CaseBridge's API: consent with
 * "Allow Access" for `accountId` (the region's first account by default), then the code exchange.
 */
export async function grantSandboxAccess(sandboxUrl: string, region = 'us', accountId?: string): Promise<TokenResponse & { refreshToken: string }> {
  const base = `${sandboxUrl}/${region}`;
  const redirectUri = 'http://127.0.0.1:9/callback';
  const authorize = `${base}/oauth/authorize?response_type=code&client_id=casebridge-dev&redirect_uri=${encodeURIComponent(redirectUri)}&state=s1`;
  const page = await fetch(authorize);
  const form = readConsentForm(await page.text());
  const decided = await fetch(new URL(form.action, authorize), {
    method: 'POST',
    body: new URLSearchParams({ ...form.fields, ...(accountId ? { account_id: accountId } : {}), decision: 'allow' }),
    redirect: 'manual',
  });
  const code = new URL(decided.headers.get('location') as string).searchParams.get('code') as string;
  const token = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'casebridge-dev', client_secret: 'casebridge-dev-secret' }),
  });
  const tokens = parseTokenResponse(await token.json());
  if (!tokens.refreshToken) {
    throw new Error('The sandbox issued no refresh token');
  }
  return { ...tokens, refreshToken: tokens.refreshToken };
}
