import { createSandbox, type SandboxOptions } from '../../sandbox/server';
import type { Region } from '../../sandbox/regions';

/** The running sandbox as the tests use it. */
export type TestSandbox = Awaited<ReturnType<typeof createSandbox>>;

/** The client credentials the sandbox accepts by default. */
export const CLIENT_ID = 'casebridge-dev';
export const CLIENT_SECRET = 'casebridge-dev-secret';
export const REDIRECT_URI = 'http://127.0.0.1:9/oauth/callback';

/** A clock that tests move by hand. */
export interface TestClock {
  now: () => Date;
  advanceSeconds(seconds: number): void;
}

/** Creates a clock that stays at `start` until a test advances it. */
export function createTestClock(start = '2026-03-02T15:00:00Z'): TestClock {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advanceSeconds: (seconds) => {
      current += seconds * 1000;
    },
  };
}

/** Starts a sandbox on a random port, with a 30-matter default account unless `options` sets another. */
export function startSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  return createSandbox({ port: 0, defaultAccount: { matters: 30, seed: 1 }, ...options });
}

/** A parsed JSON body; tests read many shapes and their assertions check them. */
export type ResponseBody = any;

/** An HTTP response with its body read and, for JSON, parsed. */
export interface ParsedResponse<T = ResponseBody> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

async function parseResponse(response: Response): Promise<ParsedResponse> {
  const text = await response.text();
  let body: unknown = null;
  if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body, text };
}

/** Sends a GET request without following redirects. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<ParsedResponse> {
  return parseResponse(await fetch(url, { headers, redirect: 'manual' }));
}

/** Sends a form-encoded POST without following redirects. */
export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<ParsedResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
  return parseResponse(response);
}

/** Sends a JSON request to the admin API. */
export async function admin(sandbox: TestSandbox, method: string, path: string, body?: unknown): Promise<ParsedResponse> {
  const response = await fetch(`${sandbox.url}/_admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return parseResponse(response);
}

/** Options of {@link submitConsent}. */
export interface ConsentChoice {
  region?: Region;
  accountId?: number;
  decision?: 'allow' | 'deny';
  state?: string;
  redirectOnDecline?: boolean;
  redirectUri?: string;
}

/** Posts the consent form as the browser would after the user clicks a button. */
export function submitConsent(sandbox: TestSandbox, choice: ConsentChoice = {}): Promise<ParsedResponse> {
  const region = choice.region ?? 'us';
  const accountId = choice.accountId ?? sandbox.store.listAccounts(region)[0]?.id ?? 0;
  return postForm(`${sandbox.url}/${region}/oauth/authorize`, {
    client_id: CLIENT_ID,
    redirect_uri: choice.redirectUri ?? REDIRECT_URI,
    state: choice.state ?? 'state-123',
    redirect_on_decline: String(choice.redirectOnDecline ?? false),
    account_id: String(accountId),
    decision: choice.decision ?? 'allow',
  });
}

/** Runs the consent step with Allow and returns the authorization code from the redirect. */
export async function obtainCode(sandbox: TestSandbox, region: Region = 'us', accountId?: number): Promise<string> {
  const answer = await submitConsent(sandbox, { region, accountId });
  const location = new URL(answer.headers.get('location') ?? '');
  return location.searchParams.get('code') ?? '';
}

/** Exchanges a code at the token endpoint. */
export function exchangeCode(sandbox: TestSandbox, code: string, region: Region = 'us', extra: Record<string, string> = {}): Promise<ParsedResponse> {
  return postForm(`${sandbox.url}/${region}/oauth/token`, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    ...extra,
  });
}

/** Asks the token endpoint for a new access token. */
export function refresh(sandbox: TestSandbox, refreshToken: string, region: Region = 'us'): Promise<ParsedResponse> {
  return postForm(`${sandbox.url}/${region}/oauth/token`, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
  });
}

/** Tokens of a completed authorization. */
export interface Connection {
  accessToken: string;
  refreshToken: string;
  region: Region;
}

/** Runs the whole authorization code flow and returns the tokens. */
export async function connect(sandbox: TestSandbox, region: Region = 'us', accountId?: number): Promise<Connection> {
  const code = await obtainCode(sandbox, region, accountId);
  const answer = await exchangeCode(sandbox, code, region);
  if (answer.status !== 200) throw new Error(`Token exchange failed with ${answer.status}: ${answer.text}`);
  return { accessToken: answer.body.access_token, refreshToken: answer.body.refresh_token, region };
}

/** Calls the API of the connection's region with its access token; `path` starts after /api/v4. */
export function api(sandbox: TestSandbox, connection: Connection, path: string, headers: Record<string, string> = {}): Promise<ParsedResponse> {
  return get(`${sandbox.url}/${connection.region}/api/v4${path}`, { Authorization: `Bearer ${connection.accessToken}`, ...headers });
}
