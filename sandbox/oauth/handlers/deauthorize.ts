import type { Request, Response } from 'express';
import { readBearerToken, sendInvalidToken } from '../../api/authenticate';
import type { Region } from '../../regions';
import type { OAuthContext } from '../oauth-context';
import { sendTokenError } from '../oauth-error';

/**
 * Creates the handler of POST /{region}/oauth/deauthorize. The caller authenticates with a live
 * access token and names a token of the same account in the form field `token`. That token's
 * grant is revoked with all its access and refresh tokens. An unknown token, or one of another
 * account, changes nothing but still gets 200, as in token revocation (RFC 7009).
 */
export function createDeauthorizeHandler(context: OAuthContext) {
  return function deauthorize(req: Request, res: Response): void {
    const region = req.params.region as Region;
    const bearer = readBearerToken(req);
    if (bearer === null) {
      sendInvalidToken(res, 'missing');
      return;
    }
    const caller = context.store.grants.authenticate(bearer, region, context.store.nowMs());
    if (!caller.ok) {
      sendInvalidToken(res, caller.reason);
      return;
    }
    const token: unknown = req.body?.token;
    if (typeof token !== 'string' || token === '') {
      sendTokenError(res, 'invalid_request', 'The form field token is missing; send the access token to revoke.');
      return;
    }

    const grant = context.store.grants.findGrantByToken(token);
    if (grant && grant.accountId === caller.grant.accountId) {
      context.store.grants.revokeGrant(grant.id, context.store.nowMs());
      context.logger.info({ region, accountId: grant.accountId, grantId: grant.id }, 'grant revoked by deauthorize');
    }
    res.status(200).end();
  };
}
