import type { RequestHandler } from 'express';

/**
 * Headers for every response: pages run no script and load nothing from elsewhere, cannot be
 * framed, and send no Referer, because a sign-in URL carries its token. Responses are not cached,
 * since most of them are per user.
 */
export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
