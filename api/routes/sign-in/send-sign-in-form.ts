import type { Request, Response } from 'express';
import type { Config } from '../../../lib/config';
import { ERROR_CATALOGUE, type ErrorCode } from '../../errors';
import { issueSignInCsrfToken } from '../../middleware/sign-in-csrf';
import { renderSignInPage } from '../../pages/sign-in-page';

/** Why the form is shown again: a catalogue code, and a sentence replacing the catalogue's. */
export interface SignInFormError {
  code: ErrorCode;
  message?: string;
}

/**
 * Sends the sign-in form with a CSRF token in its cookie and hidden field. With `error`, the
 * status is the code's and the sentence appears above the form, with `email` filled in again.
 */
export function sendSignInForm(req: Request, res: Response, config: Pick<Config, 'PUBLIC_URL'>, error?: SignInFormError, email?: string): void {
  const csrfToken = issueSignInCsrfToken(req, res, config);
  const entry = error ? ERROR_CATALOGUE[error.code] : null;
  const page = renderSignInPage({ csrfToken, email, error: entry ? (error?.message ?? entry.message) : undefined });
  res.status(entry?.status ?? 200).type('html').send(page);
}
