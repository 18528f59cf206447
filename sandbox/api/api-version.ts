import type { NextFunction, Request, Response } from 'express';
import { ApiError, sendApiError } from './api-error';

/** The minor version Clio serves when a request names none. */
export const DEFAULT_API_VERSION = '4.0.9';
/** Minor versions listed in the API reference that the sandbox follows. */
const KNOWN_API_VERSIONS = new Set(Array.from({ length: 11 }, (_, patch) => `4.0.${patch}`));

/**
 * Checks the X-API-VERSION header. An unknown version gets 410 Gone, as in Clio. Otherwise
 * the version used is echoed in the X-API-VERSION response header.
 */
export function checkApiVersion(req: Request, res: Response, next: NextFunction): void {
  const requested = req.get('X-API-VERSION');
  if (requested !== undefined && !KNOWN_API_VERSIONS.has(requested.trim())) {
    sendApiError(res, new ApiError(410, 'InvalidVersion', `X-API-VERSION "${requested}" is not a supported version; use 4.0.0 to 4.0.10 or omit the header.`));
    return;
  }
  res.set('X-API-VERSION', requested?.trim() ?? DEFAULT_API_VERSION);
  next();
}
