import session, { type Store } from 'express-session';
import type { RequestHandler } from 'express';
import type { Config } from '../../lib/config';

/** Name of the session cookie. */
export const SESSION_COOKIE_NAME = 'casebridge.sid';

/** A session ends after 8 hours without a request. */
export const SESSION_IDLE_TIMEOUT_MS = 8 * 60 * 60_000;

/** True when the browser reaches CaseBridge over HTTPS, so cookies must be marked secure. */
export function usesHttps(config: Pick<Config, 'PUBLIC_URL'>): boolean {
  return new URL(config.PUBLIC_URL).protocol === 'https:';
}

/**
 * Browser sessions: an httpOnly, SameSite=Lax cookie, secure when PUBLIC_URL is https. Nothing is
 * stored until a sign-in, so requests with an API token create no sessions.
 */
export function createSessionMiddleware(config: Pick<Config, 'PUBLIC_URL' | 'SESSION_SECRET'>, store: Store): RequestHandler {
  return session({
    name: SESSION_COOKIE_NAME,
    secret: config.SESSION_SECRET,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: usesHttps(config), maxAge: SESSION_IDLE_TIMEOUT_MS, path: '/' },
  });
}
