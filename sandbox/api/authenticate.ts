import type { NextFunction, Request, Response } from 'express';
import type { Account, UserRecord } from '../data/account';
import type { Grant } from '../store/grant-registry';
import type { SandboxStore } from '../store/sandbox-store';
import { isRegion } from '../regions';

/** The authenticated caller, stored in `res.locals` by the authentication middleware for the API handlers. */
export interface ApiCaller {
  grant: Grant;
  account: Account;
  user: UserRecord;
  accessToken: string;
}

const DESCRIPTIONS = {
  missing: 'The request has no access token; send the header Authorization: Bearer <access token>.',
  unknown: 'The access token is invalid.',
  wrong_region: 'The access token is invalid.',
  expired: 'The access token expired; get a new one with the refresh token.',
  revoked: 'The access token was revoked; the user must authorize the application again.',
} as const;

/** Reads the access token of an `Authorization: Bearer …` header, or returns null. */
export function readBearerToken(req: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('Authorization') ?? '');
  return match?.[1] ?? null;
}

/** Sends 401 with the OAuth error body that Clio sends for a bad access token. */
export function sendInvalidToken(res: Response, reason: keyof typeof DESCRIPTIONS): void {
  const description = DESCRIPTIONS[reason];
  res
    .status(401)
    .set('WWW-Authenticate', `Bearer error="invalid_token", error_description="${description}"`)
    .json({ error: 'invalid_token', error_description: description });
}

/**
 * Creates middleware that lets a request through only with a live access token of the URL's
 * region. A token of another region is unknown there, as in Clio, so it gets the same 401.
 */
export function createAuthentication(store: SandboxStore) {
  return function authenticate(req: Request, res: Response, next: NextFunction): void {
    const token = readBearerToken(req);
    const region = req.params.region;
    if (token === null || !isRegion(region)) {
      sendInvalidToken(res, 'missing');
      return;
    }

    const result = store.grants.authenticate(token, region, store.nowMs());
    if (!result.ok) {
      sendInvalidToken(res, result.reason);
      return;
    }

    const account = store.getAccount(result.grant.accountId);
    const user = account.users.find((candidate) => candidate.id === result.grant.userId) ?? account.users[0];
    const caller: ApiCaller = { grant: result.grant, account, user, accessToken: token };
    res.locals.caller = caller;
    next();
  };
}

/** Returns the caller that the authentication middleware stored. */
export function callerOf(res: Response): ApiCaller {
  return res.locals.caller as ApiCaller;
}
