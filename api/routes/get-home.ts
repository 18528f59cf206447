import type { RequestHandler } from 'express';
import { homePathOf } from '../firm-access';
import { findSessionUser } from '../middleware/authenticate';
import { renderErrorPage } from '../pages/error-page';
import { emptyObjectSchema } from '../schemas';
import { parseRequest } from '../validation';

/** GET /: sends a signed-in user to their settings page or the staff console, anyone else to the sign-in form. */
export function getHome(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, { query: emptyObjectSchema });
    if (!input.ok) {
      renderErrorPage(res, 'invalid_request', input.message);
      return;
    }

    const user = await findSessionUser(req);

    res.redirect(302, user ? homePathOf(user) : '/sign-in');
  };
}
