import type { Request } from 'express';

/** Returns the absolute URL of the request, as the client sent it, for building paging links. */
export function requestUrlOf(req: Request): URL {
  return new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`);
}

/** Returns the request's query parameters, decoded once, with repeated names kept. */
export function searchParamsOf(req: Request): URLSearchParams {
  return requestUrlOf(req).searchParams;
}
