import type { RequestHandler } from 'express';
import type { RouteDeps } from '../../app-deps';
import { homePathOf } from '../../firm-access';
import { findSessionUser } from '../../middleware/authenticate';
import { renderErrorPage } from '../../pages/error-page';
import { emptyObjectSchema } from '../../schemas';
import { parseRequest } from '../../validation';
import { sendSignInForm } from './send-sign-in-form';

/** GET /sign-in: the email and password form; a visitor who is already signed in goes to their home page. */
export function showSignInForm(deps: Pick<RouteDeps, 'config'>): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, { query: emptyObjectSchema });
    if (!input.ok) {
      renderErrorPage(res, 'invalid_request', input.message);
      return;
    }

    const user = await findSessionUser(req);
    if (user) {
      res.redirect(302, homePathOf(user));
      return;
    }

    sendSignInForm(req, res, deps.config);
  };
}
