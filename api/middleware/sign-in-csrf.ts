import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { generateSecret } from '../../lib/auth';
import type { Config } from '../../lib/config';
import { CSRF_FIELD } from './csrf';
import { usesHttps } from './session';

/**
 * Cookie that carries the sign-in form's CSRF token. A visitor has no session before signing in,
 * and creating one for every visit of /sign-in would fill the session store. So the form uses a
 * double-submit cookie, and the POST must send the same token in the cookie and the `_csrf` field.
 */
export const SIGN_IN_CSRF_COOKIE = 'casebridge.sign-in-csrf';

/** Lifetime of the sign-in form's token: 1 hour. */
const SIGN_IN_CSRF_MAX_AGE_MS = 60 * 60_000;

/** Tokens are 32 random bytes in base64url, as generateSecret makes them. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Reads one cookie from the Cookie header; the app has no cookie parser, and this name and value need no decoding. */
function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim();
    }
  }
  return undefined;
}

function tokensMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Returns the sign-in form's CSRF token, reusing the cookie's so two open tabs both work, and (re)sets the cookie. */
export function issueSignInCsrfToken(req: Request, res: Response, config: Pick<Config, 'PUBLIC_URL'>): string {
  const existing = readCookie(req, SIGN_IN_CSRF_COOKIE);
  const token = existing && TOKEN_PATTERN.test(existing) ? existing : generateSecret();
  res.cookie(SIGN_IN_CSRF_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: usesHttps(config),
    path: '/sign-in',
    maxAge: SIGN_IN_CSRF_MAX_AGE_MS,
  });
  return token;
}

/** Deletes the sign-in form's cookie after a successful sign-in. */
export function clearSignInCsrfToken(res: Response): void {
  res.clearCookie(SIGN_IN_CSRF_COOKIE, { path: '/sign-in' });
}

/**
 * True when a sign-in post's `_csrf` field equals the cookie's token and, when the browser sends an
 * Origin header, that origin is PUBLIC_URL's. Call it after the urlencoded body parser.
 */
export function signInCsrfTokenMatches(req: Request, config: Pick<Config, 'PUBLIC_URL'>): boolean {
  const expected = readCookie(req, SIGN_IN_CSRF_COOKIE);
  const received: unknown = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  const origin = req.get('origin');
  if (origin !== undefined && origin !== new URL(config.PUBLIC_URL).origin) {
    return false;
  }
  return expected !== undefined && typeof received === 'string' && tokensMatch(expected, received);
}
