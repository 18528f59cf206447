import express, { type RequestHandler } from 'express';
import { sendError } from '../errors';

/** Largest JSON or form body the app reads. */
export const BODY_LIMIT = '100kb';

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Parses a JSON body of at most 100 kB. A body of another media type is rejected with 415
 * instead of being ignored, so a form-encoded request does not read as an empty object.
 */
export function parseJsonBody(): RequestHandler[] {
  const requireJson: RequestHandler = (req, res, next) => {
    if (hasBody(req.headers) && !req.is('application/json')) {
      sendError(res, 'unsupported_media_type');
      return;
    }
    next();
  };
  return [requireJson, express.json({ limit: BODY_LIMIT })];
}

/** Parses a form post of at most 100 kB, for the pages' buttons. */
export function parseFormBody(): RequestHandler {
  return express.urlencoded({ extended: false, limit: BODY_LIMIT });
}
