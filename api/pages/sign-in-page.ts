import { MAX_PASSWORD_LENGTH } from '../../lib/auth';
import { CSRF_FIELD } from '../middleware/csrf';
import { html, renderDocument } from './html';

/** Maximum email length the form accepts: RFC 5321 allows 64 octets of local part, the @ and 255 of domain. */
export const MAX_EMAIL_LENGTH = 320;

/** Content of the sign-in page. */
export interface SignInPageModel {
  csrfToken: string;
  /** Email to fill in again after a failed attempt. */
  email?: string;
  /** Sentence shown above the form after a failed attempt. */
  error?: string;
}

/** Renders the sign-in form for firm admins and staff: email and password, posted to /sign-in. */
export function renderSignInPage(model: SignInPageModel): string {
  const error = model.error ? html`<p class="warning" role="alert">${model.error}</p>` : null;
  const body = html`<h1>Sign in to CaseBridge</h1>
${error}
<form method="post" action="/sign-in">
<input type="hidden" name="${CSRF_FIELD}" value="${model.csrfToken}">
<p><label>Email <input type="email" name="email" autocomplete="username" required maxlength="${MAX_EMAIL_LENGTH}" value="${model.email ?? ''}"></label></p>
<p><label>Password <input type="password" name="password" autocomplete="current-password" required maxlength="${MAX_PASSWORD_LENGTH}"></label></p>
<p><button type="submit">Sign in</button></p>
</form>
<p>No password yet? Ask CaseBridge staff for a single-use link, which works once within 15 minutes,
or to set a password with <code>npm run cli -- set-password --email you@example.com</code>.</p>`;
  return renderDocument('Sign in', body);
}
