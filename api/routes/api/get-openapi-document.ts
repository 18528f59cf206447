import type { RequestHandler } from 'express';
import type { Config } from '../../../lib/config';
import { sendError } from '../../errors';
import { getOpenApiDocumentRequest } from '../../openapi/api-operations';
import { buildOpenApiDocument } from '../../openapi/build-document';
import { parseRequest } from '../../validation';

/**
 * GET /api/openapi.json: the OpenAPI 3.0 document of the JSON API, built once from the routes'
 * zod schemas. It needs no API token, because it describes the routes and contains no data.
 */
export function getOpenApiDocument(deps: { config: Config }): RequestHandler {
  let document: ReturnType<typeof buildOpenApiDocument> | null = null;
  return (req, res) => {
    const input = parseRequest(req, getOpenApiDocumentRequest);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    document ??= buildOpenApiDocument(deps.config);

    res.json(document);
  };
}
