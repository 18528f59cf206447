import type { RequestHandler } from 'express';
import { homePathOf } from '../firm-access';
import { findSessionUser } from '../middleware/authenticate';

/** GET /: sends a signed-in user to their settings page or the staff console, anyone else to the sign-in help. */
export function getHome(): RequestHandler {
  return async (req, res) => {
    const user = await findSessionUser(req);

    res.redirect(302, user ? homePathOf(user) : '/sign-in');
  };
}
