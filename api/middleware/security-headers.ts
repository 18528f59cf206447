import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** How long browsers keep to HTTPS after one visit: 180 days, in seconds. */
const HSTS_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

/**
 * Headers for every response, set by helmet: pages run no script and load nothing from elsewhere,
 * cannot be framed, and send no Referer, because a sign-in URL carries its token. HSTS leaves
 * subdomains out, since CaseBridge may share a domain with sites it does not run; browsers ignore
 * it over plain HTTP. Responses are not cached, since most of them are per user.
 */
export function securityHeaders(): RequestHandler {
  const setHelmetHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false },
  });
  return (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    setHelmetHeaders(req, res, next);
  };
}
