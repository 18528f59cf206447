import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { renderErrorPage } from '../pages/error-page';

/** Name of the hidden form field that carries the session's CSRF token. */
export const CSRF_FIELD = '_csrf';

function tokensMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Rejects a page form post unless its `_csrf` field equals the token stored in the session at
 * sign-in. Runs after the urlencoded body parser.
 */
export function verifyCsrfToken(): RequestHandler {
  return (req, res, next) => {
    const expected = req.session?.csrfToken;
    const received: unknown = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (!expected || typeof received !== 'string' || !tokensMatch(expected, received)) {
      renderErrorPage(res, 'invalid_csrf_token');
      return;
    }
    next();
  };
}
