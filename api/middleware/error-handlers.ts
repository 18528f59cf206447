import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { sendError, type ErrorCode } from '../errors';
import { renderErrorPage } from '../pages/error-page';

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message: string;
  /** Raw body, present on a parse failure. */
  body?: string;
}

/** Returns the JSON type of a body that parses but is not an object or array (such as `null`), or null. */
function bareJsonValue(body: string | undefined): string | null {
  try {
    const value: unknown = JSON.parse(body ?? '');
    return value === null ? 'null' : typeof value;
  } catch {
    return null;
  }
}

/** Maps a body-parser or path-decoding error to a catalogue code, or returns null for an unexpected error. */
function classify(error: unknown): { code: ErrorCode; message?: string } | null {
  if (error instanceof URIError) {
    // The router decodes path parameters with decodeURIComponent and passes on its URIError.
    return { code: 'invalid_request', message: 'The path contains invalid percent-encoding; encode each reserved or non-ASCII character as %XX of its UTF-8 bytes.' };
  }
  const parserError = error as BodyParserError;
  switch (parserError?.type) {
    case 'entity.parse.failed': {
      // The parser accepts only objects and arrays, and reports any other JSON value as a parse failure.
      const bare = bareJsonValue(parserError.body);
      return bare ? { code: 'invalid_request', message: `The request body is a JSON ${bare}; send a JSON object.` } : { code: 'malformed_json' };
    }
    case 'entity.too.large':
      return { code: 'payload_too_large' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { code: 'unsupported_media_type', message: `${parserError.message}; send UTF-8 JSON.` };
    default:
      break;
  }
  if (parserError?.expose && typeof parserError.status === 'number' && parserError.status < 500) {
    return { code: 'invalid_request', message: parserError.message };
  }
  return null;
}

/**
 * Builds an error handler that sends a known client error with its own code and logs anything
 * else before sending it as 500, through `send` (JSON for the API, an HTML page for pages).
 */
function handleErrorWith(send: (res: Response, code: ErrorCode, message?: string) => void): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = classify(error);
    if (known) {
      send(res, known.code, known.message);
      return;
    }
    req.log.error({ err: error }, 'request failed');
    send(res, 'internal_error');
  };
}

/** Sends errors under /api as JSON: a bad body gets its 4xx code, and anything else is logged and sent as 500. */
export function handleApiError(): ErrorRequestHandler {
  return handleErrorWith(sendError);
}

/** Renders errors on pages as an HTML error page, as handleApiError does for the API. */
export function handlePageError(): ErrorRequestHandler {
  return handleErrorWith(renderErrorPage);
}

/** Sends 404 route_not_found as JSON. */
export function apiRouteNotFound(): RequestHandler {
  return (_req, res) => sendError(res, 'route_not_found');
}

/** Renders 404 route_not_found as an HTML page. */
export function pageRouteNotFound(): RequestHandler {
  return (_req, res) => renderErrorPage(res, 'route_not_found', 'This page does not exist.');
}
