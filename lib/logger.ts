import pino from 'pino';

/**
 * Paths pino replaces with "[redacted]": tokens, secrets, passwords and client contact details
 * must never reach a log line, whichever object carries them.
 */
export const REDACTED_PATHS = [
  'accessToken', 'refreshToken', 'access_token', 'refresh_token', 'token', 'code', 'password',
  'clientSecret', 'client_secret', 'authorization', 'cookie',
  '*.accessToken', '*.refreshToken', '*.access_token', '*.refresh_token', '*.token', '*.password',
  '*.clientSecret', '*.client_secret', '*.authorization', '*.cookie', '*.email', '*.phone',
  'req.headers.authorization', 'req.headers.cookie',
];

/** Creates the process logger; `component` names the part of CaseBridge that writes each line. */
export function createLogger(component: string, level = process.env.LOG_LEVEL ?? 'info'): pino.Logger {
  return pino({ level, base: { component }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

export type Logger = pino.Logger;
