import pino, { type Logger } from 'pino';
import { z } from 'zod';
import type { Region } from './regions';
import type { RateLimitSettings } from './store/rate-limiter';
import { MAX_MATTERS_PER_ACCOUNT } from './store/sandbox-store';

/** Settings of {@link createSandbox}. Every field is optional. */
export interface SandboxOptions {
  /** TCP port on 127.0.0.1, or 0 for a free port. @default 0 */
  port?: number;
  /** The client_id of the one OAuth app the sandbox accepts. @default 'casebridge-dev' */
  clientId?: string;
  /** That app's client_secret. @default 'casebridge-dev-secret' */
  clientSecret?: string;
  /** App name on the consent page. @default 'CaseBridge' */
  appName?: string;
  /** Lifetime of access tokens, sent as `expires_in`. @default 2592000 (30 days) */
  accessTokenTtlSeconds?: number;
  /** Whether refresh responses repeat the unchanged refresh token, which Clio may leave out. @default false */
  refreshResponseIncludesRefreshToken?: boolean;
  /** Clock for token expiry, rate-limit windows and generated times. @default real time */
  now?: () => Date;
  /** Account generated at start so the demo has data, or null for none. @default { matters: 300, seed: 1, region: 'us' } */
  defaultAccount?: { matters: number; seed: number; region?: Region; name?: string } | null;
  /** Request limit per access token, or null for no limit. Clio's peak-hour limit is 50 per 60 s. @default null */
  rateLimit?: RateLimitSettings | null;
  /** Logger for starts, stops and rejected requests. @default a silent pino logger */
  logger?: Logger;
}

/** {@link SandboxOptions} with every default filled in. */
export type ResolvedSandboxOptions = Required<SandboxOptions>;

const numericOptions = z.object({
  port: z.number().int().min(0).max(65_535),
  accessTokenTtlSeconds: z.number().int().positive(),
  defaultAccount: z
    .object({ matters: z.number().int().min(0).max(MAX_MATTERS_PER_ACCOUNT), seed: z.number().int().min(0).max(0xffffffff) })
    .passthrough()
    .nullable(),
  rateLimit: z.object({ limit: z.number().int().positive(), windowSeconds: z.number().int().positive() }).nullable(),
});

/** Fills in the defaults of {@link SandboxOptions} and throws an Error naming the first invalid option. */
export function resolveOptions(options: SandboxOptions): ResolvedSandboxOptions {
  const resolved = fillDefaults(options);
  const checked = numericOptions.safeParse(resolved);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`Invalid sandbox option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid value'}.`);
  }
  return resolved;
}

function fillDefaults(options: SandboxOptions): ResolvedSandboxOptions {
  return {
    port: options.port ?? 0,
    clientId: options.clientId ?? 'casebridge-dev',
    clientSecret: options.clientSecret ?? 'casebridge-dev-secret',
    appName: options.appName ?? 'CaseBridge',
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 2_592_000,
    refreshResponseIncludesRefreshToken: options.refreshResponseIncludesRefreshToken ?? false,
    now: options.now ?? (() => new Date()),
    defaultAccount: options.defaultAccount === undefined ? { matters: 300, seed: 1, region: 'us' } : options.defaultAccount,
    rateLimit: options.rateLimit ?? null,
    logger: options.logger ?? pino({ level: 'silent' }),
  };
}
