import { z } from 'zod';

const regionUrl = (fallback: string) => z.string().url().default(fallback);

/**
 * The environment CaseBridge reads, checked once at start-up.
 * Every default suits a developer's machine; production sets each value explicitly.
 */
export const configSchema = z.object({
  /** @default mongodb://127.0.0.1:27017/casebridge */
  MONGODB_URI: z.string().startsWith('mongodb', 'must be a mongodb:// or mongodb+srv:// URI').default('mongodb://127.0.0.1:27017/casebridge'),
  /** @default 127.0.0.1:7233 */
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  /** @default default */
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** @default integrations */
  TEMPORAL_TASK_QUEUE: z.string().regex(/^[a-z0-9-]+$/, 'must be kebab-case').default('integrations'),
  /** Port of the API and web pages. @default 3000 */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address the firm's browser uses to reach the API; the OAuth callback is built from it. @default http://127.0.0.1:3000 */
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  CLIO_CLIENT_ID: z.string().min(1, 'is required: the client id of the CaseBridge app in Clio'),
  CLIO_CLIENT_SECRET: z.string().min(1, 'is required: the client secret of the CaseBridge app in Clio'),
  /** Base URL of each Clio region; defaults are Clio's real hosts. UK firms use the EU host. */
  CLIO_BASE_URL_US: regionUrl('https://app.clio.com'),
  CLIO_BASE_URL_EU: regionUrl('https://eu.app.clio.com'),
  CLIO_BASE_URL_CA: regionUrl('https://ca.app.clio.com'),
  CLIO_BASE_URL_AU: regionUrl('https://au.app.clio.com'),
  /**
   * Token encryption keys as `id:base64key` pairs separated by commas; the first one encrypts
   * new writes and every listed key still decrypts. Each key is 32 random bytes.
   */
  CREDENTIAL_KEYS: z.string().min(1, 'is required: for example k1:<base64 of 32 random bytes>'),
  /** Signs the browser session cookie; at least 32 characters. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** SMTP server that client updates and admin alerts are sent through. @default 127.0.0.1 */
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  /** @default 25 */
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(25),
  /** `true` for TLS from the first byte (usually port 465); `false` upgrades with STARTTLS when the server offers it. @default false */
  SMTP_SECURE: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false').transform((value) => value === 'true'),
  /** SMTP user name; empty sends without authentication. @default empty */
  SMTP_USER: z.string().default(''),
  /** Password of SMTP_USER. @default empty */
  SMTP_PASSWORD: z.string().default(''),
  /** Sender of every email, an address or `Name <address>`; its domain also ends each Message-ID. @default CaseBridge <notifications@localhost> */
  NOTIFY_FROM: z.string().min(3).regex(/@[^@\s>]+>?$/, 'must be an email address or Name <address>').default('CaseBridge <notifications@localhost>'),
  /** URL that text messages are posted to as JSON; empty turns text messages off. @default empty */
  SMS_ENDPOINT_URL: z.union([z.literal(''), z.string().url()]).default(''),
  /** Local time, HH:MM in the firm's time zone, at which queued client updates go out on business days. @default 08:00 */
  NOTIFY_BUSINESS_HOUR: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM, such as 08:00').default('08:00'),
  /** Requests one API token (or one browser session) may send to /api per rate-limit window. @default 300 */
  API_RATE_LIMIT_PER_TOKEN: z.coerce.number().int().min(1).default(300),
  /** Requests one client IP address may send to /api per rate-limit window, with or without a token. @default 600 */
  API_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(600),
  /** Length of the API's fixed rate-limit window, in seconds. @default 60 */
  API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Failed password sign-ins allowed per email address per sign-in window; then that email is locked until the window ends. @default 5 */
  SIGN_IN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  /** Failed password sign-ins allowed per client IP address per sign-in window. @default 20 */
  SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  /** Length of the sign-in failure window, in seconds. @default 900 */
  SIGN_IN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** @default info */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

/** Raised when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses `env` into a Config, or throws a ConfigError naming each invalid variable and its fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) {
    return result.data;
  }
  const lines = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new ConfigError(`Invalid environment:\n  ${lines.join('\n  ')}`);
}
