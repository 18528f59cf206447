import type { Request, RequestHandler } from 'express';
import { authenticateApiToken, findUserById, type AuthenticatedUser } from '../../lib/auth';
import { sendError } from '../errors';
import { renderErrorPage } from '../pages/error-page';

const BEARER_PATTERN = /^Bearer\s+(\S+)\s*$/i;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Returns the user of the browser session, or null; a session whose user was deleted is destroyed. */
export async function findSessionUser(req: Request): Promise<AuthenticatedUser | null> {
  const userId = req.session?.userId;
  if (!userId) {
    return null;
  }
  const user = await findUserById(userId);
  if (!user) {
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
  }
  return user;
}

/**
 * Authenticates an API request by `Authorization: Bearer cb_…`, or else by browser session.
 * A request that sends an Authorization header is judged by it alone. A session-authenticated
 * write must send Content-Type: application/json: a page on another site cannot send that
 * without a CORS preflight, which this API never approves, so the rule stops cross-site requests.
 */
export function authenticateApi(now: () => Date): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header !== undefined) {
      const match = BEARER_PATTERN.exec(header);
      if (!match) {
        sendError(res, 'unauthorized', 'The Authorization header must read "Bearer <API token>".');
        return;
      }
      const owner = await authenticateApiToken(match[1], now());
      if (!owner) {
        sendError(res, 'unauthorized', 'The API token is invalid or has been deleted; create a new one with the create-token command.');
        return;
      }
      req.caller = owner.user;
      req.apiTokenId = owner.tokenId;
      next();
      return;
    }

    const user = await findSessionUser(req);
    if (!user) {
      sendError(res, 'unauthorized');
      return;
    }
    if (!SAFE_METHODS.has(req.method) && !req.is('application/json')) {
      sendError(res, 'unsupported_media_type', 'A request authenticated by browser session must send Content-Type: application/json.');
      return;
    }
    req.caller = user;
    next();
  };
}

/** Authenticates a page request by browser session, or renders the sign-in help with status 401. */
export function authenticatePage(): RequestHandler {
  return async (req, res, next) => {
    const user = await findSessionUser(req);
    if (!user) {
      renderErrorPage(res, 'unauthorized', 'Sign in first at /sign-in with your email and password, or open the sign-in link CaseBridge staff sent you.');
      return;
    }
    req.caller = user;
    next();
  };
}
