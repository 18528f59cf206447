import type { RequestCounts } from '../../sandbox/store/request-log';
import type { RateLimitSettings } from '../../sandbox/store/rate-limiter';

async function sendAdmin<T>(sandboxUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandboxUrl}/_admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`Sandbox admin ${method} ${path} failed with ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** Generates a US account of `matters` matters and returns its id. */
export async function createAccount(sandboxUrl: string, matters: number, name: string): Promise<string> {
  const account = await sendAdmin<{ accountId: string | number }>(sandboxUrl, 'POST', '/accounts', { region: 'us', matters, seed: 2, name });
  return String(account.accountId);
}

/** Sets the sandbox's request limit per access token, or turns limiting off with null. */
export async function setRateLimit(sandboxUrl: string, rateLimit: RateLimitSettings | null): Promise<void> {
  await sendAdmin(sandboxUrl, 'PUT', '/rate-limit', { rateLimit });
}

/** Sets the sandbox's request counts to zero. */
export async function resetRequestCounts(sandboxUrl: string): Promise<void> {
  await sendAdmin(sandboxUrl, 'POST', '/requests/reset');
}

/** Reads the sandbox's request counts since the last reset. */
export function readRequestCounts(sandboxUrl: string): Promise<RequestCounts> {
  return sendAdmin<RequestCounts>(sandboxUrl, 'GET', '/requests');
}
