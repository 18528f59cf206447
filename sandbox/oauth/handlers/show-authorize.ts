import type { Request, Response } from 'express';
import type { Region } from '../../regions';
import { renderConsentPage, renderMessagePage } from '../authorize-page';
import { callbackUrl, checkAuthorizeRequest } from '../authorize-request';
import type { OAuthContext } from '../oauth-context';

/**
 * Creates the handler of GET /{region}/oauth/authorize, which shows the consent page. A bad
 * client_id or redirect_uri gets an error page, because the redirect URI cannot be trusted. A
 * response_type other than `code` goes back to the redirect URI as `unsupported_response_type`
 * (RFC 6749, section 4.1.2.1).
 */
export function createShowAuthorizeHandler(context: OAuthContext) {
  return function showAuthorize(req: Request, res: Response): void {
    const region = req.params.region as Region;
    const appName = context.client.appName;
    const check = checkAuthorizeRequest(req.query, context.client);
    if (!check.ok) {
      res.status(400).type('html').send(renderMessagePage(appName, 'Invalid authorization request', check.message));
      return;
    }

    const responseType = req.query.response_type;
    if (responseType !== 'code') {
      const error = responseType === undefined ? 'invalid_request' : 'unsupported_response_type';
      const description = `response_type must be "code", not "${String(responseType ?? '')}".`;
      res.redirect(302, callbackUrl(check.form.redirectUri, { error, error_description: description, state: check.form.state }));
      return;
    }

    const accounts = context.store.listAccounts(region);
    if (accounts.length === 0) {
      const message = `The ${region.toUpperCase()} region has no accounts yet; create one with POST /_admin/accounts {"region":"${region}"}.`;
      res.status(200).type('html').send(renderMessagePage(appName, 'No Clio account to connect', message));
      return;
    }
    res.status(200).type('html').send(renderConsentPage(appName, region, accounts, check.form));
  };
}
