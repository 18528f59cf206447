import type { RequestHandler } from 'express';
import { z } from 'zod';
import { CSRF_FIELD } from '../../middleware/csrf';
import { SESSION_COOKIE_NAME } from '../../middleware/session';
import { renderErrorPage } from '../../pages/error-page';
import { emptyObjectSchema } from '../../schemas';
import { destroySession } from '../../session-helpers';
import { parseRequest } from '../../validation';

const bodySchema = z.object({ [CSRF_FIELD]: z.string() }).strict();

/** POST /sign-out: ends the browser session. The CSRF middleware has checked the form's token. */
export function signOut(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, { query: emptyObjectSchema, body: bodySchema });
    if (!input.ok) {
      renderErrorPage(res, 'invalid_request', input.message);
      return;
    }

    await destroySession(req);

    res.clearCookie(SESSION_COOKIE_NAME);
    res.redirect(303, '/sign-in');
  };
}
