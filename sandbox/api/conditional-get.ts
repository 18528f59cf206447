import type { Request, Response } from 'express';

/**
 * Sets ETag and Last-Modified on a single-resource response and returns true when the request's
 * If-None-Match (or, without it, If-Modified-Since) shows the client's copy is current. The
 * caller then responds 304 with no body.
 */
export function isClientCopyCurrent(req: Request, res: Response, etag: string, updatedAtMs: number): boolean {
  res.set('ETag', etag);
  if (!Number.isNaN(updatedAtMs)) res.set('Last-Modified', new Date(updatedAtMs).toUTCString());

  const ifNoneMatch = req.get('If-None-Match');
  if (ifNoneMatch !== undefined) {
    const candidates = ifNoneMatch.split(',').map((value) => value.trim().replace(/^W\//, ''));
    return candidates.includes('*') || candidates.includes(etag);
  }

  const ifModifiedSince = req.get('If-Modified-Since');
  const since = ifModifiedSince === undefined ? Number.NaN : Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && !Number.isNaN(updatedAtMs) && updatedAtMs <= since;
}
