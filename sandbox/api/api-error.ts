import type { Response } from 'express';

/**
 * An API-layer error, sent with Clio's error body `{"error":{"type","message"}}`. OAuth-layer
 * `invalid_token` responses use the RFC body instead and do not go through this class.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Creates the 400 error that Clio returns for an invalid query parameter. */
export function argumentError(message: string): ApiError {
  return new ApiError(400, 'ArgumentError', message);
}

/** Creates the 404 error for a record that the account does not have. */
export function recordNotFound(message: string): ApiError {
  return new ApiError(404, 'RecordNotFound', message);
}

/** Sends an API error with Clio's error body. */
export function sendApiError(res: Response, error: ApiError): void {
  res.status(error.status).json({ error: { type: error.type, message: error.message } });
}
