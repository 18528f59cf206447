import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { AuthenticatedUser, FirmRecord } from '../lib/auth';
import { sendError } from './errors';
import { findAccessibleFirm } from './firm-access';
import type { GatewayRejection } from './integration-gateway';
import { requireCaller } from './request-context';
import { parseRequest, type ParsedRequest, type RequestSchemas } from './validation';

/** Request schemas of a route under /firms/:firmId, whose path parameters include the firm id. */
export type FirmRouteSchemas = RequestSchemas & { params: z.ZodType<{ firmId: string }, z.ZodTypeDef, unknown> };

/** The parsed input, caller and firm that a firm route's handler receives once the caller may see the firm. */
export interface FirmRouteContext<S extends FirmRouteSchemas> {
  /** The parsed path parameters, query and body, typed by their schemas. */
  input: ParsedRequest<S>;
  caller: AuthenticatedUser;
  firm: FirmRecord;
}

/** The part of a firm route that acts on the firm and sends the response. */
export type FirmRouteHandler<S extends FirmRouteSchemas> = (context: FirmRouteContext<S>, req: Request, res: Response) => Promise<void>;

/**
 * Builds the Express handler of a JSON API route under /firms/:firmId. It parses the request with
 * `schemas` and responds 400 `invalid_request` naming each invalid field, then responds 404
 * `firm_not_found` when the firm is missing or the caller may not see it. Otherwise it calls
 * `handle`, which checks the caller's role where the route needs one, acts and responds.
 * The returned handler throws when the route is mounted without authentication middleware.
 */
export function firmRoute<S extends FirmRouteSchemas>(schemas: S, handle: FirmRouteHandler<S>): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, schemas);
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    const caller = requireCaller(req);
    const firm = await findAccessibleFirm(caller, input.data.params.firmId);
    if (!firm) {
      sendError(res, 'firm_not_found');
      return;
    }

    await handle({ input: input.data, caller, firm }, req, res);
  };
}

/** Sends the error code and sentence with which the integration rejected or could not take a request. */
export function sendRejection(res: Response, rejection: GatewayRejection): void {
  sendError(res, rejection.code, rejection.message);
}
