import type { RequestHandler } from 'express';
import { z } from 'zod';
import { consumeSignInLink, generateSecret } from '../../../../lib/auth';
import type { RouteDeps } from '../../../app-deps';
import { homePathOf } from '../../../firm-access';
import { renderErrorPage } from '../../../pages/error-page';
import { emptyObjectSchema } from '../../../schemas';
import { regenerateSession, saveSession } from '../../../session-helpers';
import { parseRequest } from '../../../validation';

const paramsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) }).strict();

/**
 * GET /sign-in/:token: uses a single-use sign-in link, opens a new session for its user, and
 * redirects to the user's settings page (firm admin) or the staff console (staff).
 */
export function openSignInLink(deps: Pick<RouteDeps, 'now'>): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, { params: paramsSchema, query: emptyObjectSchema });
    if (!input.ok) {
      renderErrorPage(res, 'invalid_sign_in_link');
      return;
    }

    const user = await consumeSignInLink(input.data.params.token, deps.now());
    if (!user) {
      renderErrorPage(res, 'invalid_sign_in_link');
      return;
    }

    await regenerateSession(req);
    req.session.userId = user.id;
    req.session.csrfToken = generateSecret();
    await saveSession(req);

    req.log.info({ userId: user.id, role: user.role }, 'signed in with a sign-in link');
    res.redirect(302, homePathOf(user));
  };
}
