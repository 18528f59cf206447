import 'express-session';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../lib/auth';
import type { ClioRegion } from '../lib/integration-status';
import type { Logger } from '../lib/logger';

/** An OAuth `state` this session sent to Clio, bound to the firm and region it connects. */
export interface PendingAuthorization {
  state: string;
  firmId: string;
  region: ClioRegion;
  /** Milliseconds since the epoch after which the state is rejected. */
  expiresAt: number;
}

declare module 'express-session' {
  interface SessionData {
    userId: string;
    /** Compared with the hidden `_csrf` field of every form the pages post. */
    csrfToken: string;
    oauthStates: PendingAuthorization[];
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Id of this request in logs and error bodies; set by the request-log middleware. */
      requestId: string;
      /** Logger with the request id bound. */
      log: Logger;
      /** The authenticated caller, set by the authentication middleware. */
      caller?: AuthenticatedUser;
      /** Id of the API token the request was authenticated with; unset for a browser session. */
      apiTokenId?: string;
    }
  }
}

/** Returns the authenticated caller; throws when a route was mounted without authentication middleware. */
export function requireCaller(req: Request): AuthenticatedUser {
  if (!req.caller) {
    throw new Error(`Route ${req.method} ${req.baseUrl}${req.route?.path ?? ''} runs without authentication middleware`);
  }
  return req.caller;
}
