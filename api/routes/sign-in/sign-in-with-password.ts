import type { RequestHandler } from 'express';
import { z } from 'zod';
import { generateSecret, MAX_PASSWORD_LENGTH } from '../../../lib/auth';
import type { RouteDeps } from '../../app-deps';
import { homePathOf } from '../../firm-access';
import { CSRF_FIELD } from '../../middleware/csrf';
import { FixedWindowLimiter } from '../../middleware/fixed-window-limiter';
import { checkPassword, createPasswordPassport } from '../../middleware/password-strategy';
import { clientAddressOf } from '../../middleware/rate-limit';
import { clearSignInCsrfToken, signInCsrfTokenMatches } from '../../middleware/sign-in-csrf';
import { MAX_EMAIL_LENGTH } from '../../pages/sign-in-page';
import { emptyObjectSchema } from '../../schemas';
import { regenerateSession, saveSession } from '../../session-helpers';
import { parseRequest } from '../../validation';
import { sendSignInForm } from './send-sign-in-form';

/** The form's fields; the password length counts UTF-16 units here, so it allows twice the character limit. */
const bodySchema = z.object({
  [CSRF_FIELD]: z.string().max(100),
  email: z.string().trim().min(1).max(MAX_EMAIL_LENGTH),
  password: z.string().min(1).max(2 * MAX_PASSWORD_LENGTH),
}).strict();

/**
 * POST /sign-in: signs a firm admin or staff member in with email and password. A wrong password,
 * an unknown email and a user without a password all get the same 401 sentence. Failures are
 * counted per email and per client address; past either limit every attempt gets 429 until the
 * window ends. Success opens a session under a new id and redirects to the user's home page.
 */
export function signInWithPassword(deps: Pick<RouteDeps, 'config' | 'now'>): RequestHandler {
  const { config } = deps;
  const windowMs = config.SIGN_IN_FAILURE_WINDOW_SECONDS * 1000;
  const failuresByEmail = new FixedWindowLimiter({ limit: config.SIGN_IN_MAX_FAILURES_PER_EMAIL, windowMs });
  const failuresByAddress = new FixedWindowLimiter({ limit: config.SIGN_IN_MAX_FAILURES_PER_IP, windowMs });
  const passport = createPasswordPassport();

  return async (req, res) => {
    // As the CSRF middleware does for the other forms, the token is checked before the fields.
    if (!signInCsrfTokenMatches(req, config)) {
      req.log.warn('sign-in form rejected: CSRF token or origin did not match');
      sendSignInForm(req, res, config, { code: 'invalid_csrf_token', message: 'The sign-in form expired or came from another site; enter your email and password again.' });
      return;
    }
    const input = parseRequest(req, { query: emptyObjectSchema, body: bodySchema });
    if (!input.ok) {
      sendSignInForm(req, res, config, { code: 'invalid_request', message: 'Enter your email address and password.' });
      return;
    }
    const { email } = input.data.body;

    // Each attempt counts as a failure before the check, so parallel attempts cannot pass the
    // limit while their checks run. A success takes its count back.
    const emailKey = email.toLowerCase();
    const addressKey = clientAddressOf(req);
    const now = deps.now().getTime();
    const blocked = [failuresByEmail.consume(emailKey, now), failuresByAddress.consume(addressKey, now)].find((decision) => !decision.allowed);
    if (blocked) {
      req.log.warn('password sign-in rejected: too many failed attempts');
      res.setHeader('Retry-After', String(blocked.retryAfterSeconds));
      const minutes = Math.ceil(blocked.retryAfterSeconds / 60);
      sendSignInForm(req, res, config, { code: 'rate_limited', message: `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` }, email);
      return;
    }

    const check = await checkPassword(passport, req, res);

    if (!check.ok) {
      req.log.info('password sign-in failed');
      sendSignInForm(req, res, config, { code: 'invalid_credentials' }, email);
      return;
    }
    failuresByEmail.reset(emailKey);
    failuresByAddress.release(addressKey);
    await regenerateSession(req);
    req.session.userId = check.user.id;
    req.session.csrfToken = generateSecret();
    await saveSession(req);
    clearSignInCsrfToken(res);
    req.log.info({ userId: check.user.id, role: check.user.role }, 'signed in with a password');
    res.redirect(303, homePathOf(check.user));
  };
}
