import type { Response } from 'express';

/** Error codes of the OAuth 2.0 token endpoint (RFC 6749, section 5.2). */
export type TokenErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

/** Sends the RFC error body `{"error","error_description"}` with status 401 for invalid_client and 400 for the others. */
export function sendTokenError(res: Response, error: TokenErrorCode, description: string, challengeBasic = false): void {
  const status = error === 'invalid_client' ? 401 : 400;
  if (challengeBasic) res.set('WWW-Authenticate', 'Basic realm="Clio sandbox"');
  res.status(status).set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json({ error, error_description: description });
}
