import type { Request, Response } from 'express';
import type { Region } from '../../regions';
import { renderMessagePage } from '../authorize-page';
import { callbackUrl, checkAuthorizeRequest } from '../authorize-request';
import type { OAuthContext } from '../oauth-context';

/**
 * Creates the handler of POST /{region}/oauth/authorize, the consent form's target. Allow
 * redirects with a single-use code. Deny redirects with `access_denied` when the request asked for
 * redirect_on_decline=true, and otherwise shows a page saying access was denied.
 */
export function createSubmitAuthorizeHandler(context: OAuthContext) {
  return function submitAuthorize(req: Request, res: Response): void {
    const region = req.params.region as Region;
    const appName = context.client.appName;
    const body: Record<string, unknown> = req.body ?? {};
    const check = checkAuthorizeRequest(body, context.client);
    if (!check.ok) {
      res.status(400).type('html').send(renderMessagePage(appName, 'Invalid authorization request', check.message));
      return;
    }
    const { form } = check;

    if (body.decision === 'deny') {
      if (form.redirectOnDecline) {
        res.redirect(302, callbackUrl(form.redirectUri, { error: 'access_denied', state: form.state }));
        return;
      }
      res.status(200).type('html').send(renderMessagePage(appName, 'Access denied', `You denied ${appName} access to your Clio account.`));
      return;
    }
    if (body.decision !== 'allow') {
      const message = `decision "${String(body.decision ?? '')}" is invalid; submit the form with Allow Access or Deny.`;
      res.status(400).type('html').send(renderMessagePage(appName, 'Invalid authorization request', message));
      return;
    }

    const accountId = Number(body.account_id);
    const account = context.store.findAccount(accountId);
    if (!account || account.region !== region || !account.users[0]) {
      const message = `account_id "${String(body.account_id ?? '')}" is not an account of the ${region.toUpperCase()} region.`;
      res.status(400).type('html').send(renderMessagePage(appName, 'Invalid authorization request', message));
      return;
    }

    const subject = { region, accountId: account.id, userId: account.users[0].id, clientId: form.clientId };
    const code = context.store.grants.issueCode(subject, form.redirectUri, context.store.nowMs());
    context.logger.info({ region, accountId: account.id }, 'authorization code issued');
    res.redirect(302, callbackUrl(form.redirectUri, { code, state: form.state }));
  };
}
