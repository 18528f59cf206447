import type { RequestHandler } from 'express';
import { html, renderDocument } from '../../pages/html';

/** GET /sign-in: explains how to get a sign-in link; CaseBridge has no passwords. */
export function getSignInHelp(): RequestHandler {
  return (_req, res) => {
    const body = html`<h1>Sign in to CaseBridge</h1>
<p>CaseBridge signs you in with a single-use link. Ask CaseBridge staff for one; it works once, within 15 minutes.</p>
<p>Staff create a link with <code>npm run cli -- sign-in-link --email you@example.com</code>.</p>`;
    res.type('html').send(renderDocument('Sign in', body));
  };
}
