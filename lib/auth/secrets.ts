import { createHash, randomBytes } from 'node:crypto';

/** Prefix of every API token, so a leaked token is easy to recognise in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'cb_';

/** Returns `bytes` random bytes as base64url text, for tokens, sign-in links and OAuth state. */
export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Returns the SHA-256 hash (hex) under which a token is stored; the token itself is never stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
