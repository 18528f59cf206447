import type { Response } from 'express';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors';
import { html, renderDocument } from './html';

/** Renders an error as an HTML page with the code's status; `message` defaults to the catalogue's sentence. */
export function renderErrorPage(res: Response, code: ErrorCode, message?: string): void {
  const entry = ERROR_CATALOGUE[code];
  const body = html`<h1>${message ?? entry.message}</h1>
<p>Error code: <code>${code}</code> · Request id: <code>${res.req.requestId}</code></p>
<p><a href="/">Back to CaseBridge</a></p>`;
  res.status(entry.status).type('html').send(renderDocument('Error', body));
}
