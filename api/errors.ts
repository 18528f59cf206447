import type { Response } from 'express';

/** One entry of the error catalogue: the HTTP status and the default sentence a caller reads. */
export interface ErrorEntry {
  status: number;
  message: string;
}

/**
 * Every error the API and pages return, by snake_case code. A handler may replace the sentence
 * with a more specific one (naming the field or value), but never the status.
 */
export const ERROR_CATALOGUE = {
  invalid_request: { status: 400, message: 'The request is invalid; check the parameters against the API documentation.' },
  malformed_json: { status: 400, message: 'The request body is not valid JSON; send a JSON object with Content-Type: application/json.' },
  unauthorized: { status: 401, message: 'Authentication is required: send Authorization: Bearer <API token>, or sign in at /sign-in.' },
  invalid_credentials: { status: 401, message: 'The email or password is incorrect.' },
  forbidden: { status: 403, message: 'Your role does not allow this action.' },
  invalid_csrf_token: { status: 403, message: 'The form was missing its security token or the token has expired; reload the page and try again.' },
  invalid_oauth_state: { status: 403, message: 'The Clio authorization request is missing, expired or already used; start again from Company Settings → Integrations.' },
  firm_not_found: { status: 404, message: 'No firm with this id exists, or you do not have access to it.' },
  project_not_found: { status: 404, message: 'No project with this Clio matter id exists for this firm.' },
  sync_run_not_found: { status: 404, message: 'No sync run with this id exists for this firm.' },
  route_not_found: { status: 404, message: 'No route matches this method and path.' },
  invalid_sign_in_link: { status: 410, message: 'This sign-in link is invalid, expired or already used; ask CaseBridge staff for a new one.' },
  clio_not_connected: { status: 409, message: 'Connect Clio first: this firm has no Clio connection.' },
  reauthorization_required: { status: 409, message: 'Reconnect Clio first: Clio no longer accepts CaseBridge\'s access for this firm.' },
  request_rejected: { status: 409, message: 'The integration rejected this request in its current state.' },
  payload_too_large: { status: 413, message: 'The request body is larger than 100 kB.' },
  unsupported_media_type: { status: 415, message: 'Send the request body as JSON with Content-Type: application/json.' },
  invalid_mapping: { status: 422, message: 'The mapping has problems; fix each one listed in "problems" and save again.' },
  rate_limited: { status: 429, message: 'Too many requests; wait the number of seconds in the Retry-After header, then try again.' },
  clio_request_failed: { status: 502, message: 'Clio did not return the firm\'s data in time, or returned an error; try again in a minute.' },
  integration_unavailable: { status: 503, message: 'The integration service is unavailable; try again in a minute.' },
  internal_error: { status: 500, message: 'An unexpected error occurred; try again, and contact CaseBridge support with the request id if it persists.' },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** True when `code` is in the catalogue. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code);
}

/** Returns the HTTP status of an error code. */
export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}

/**
 * Sends `{ error: { code, message, requestId } }` with the code's status; `message` defaults to the
 * catalogue's sentence. `details` adds fields to the error object, such as the list of problems.
 */
export function sendError(res: Response, code: ErrorCode, message?: string, details?: Record<string, unknown>): void {
  const entry = ERROR_CATALOGUE[code];
  res.status(entry.status).json({ error: { ...details, code, message: message ?? entry.message, requestId: res.req.requestId } });
}
