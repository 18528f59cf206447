import type { RequestHandler } from 'express';
import { sendError } from '../errors';
import { emptyObjectSchema } from '../schemas';
import { parseRequest } from '../validation';

/** GET /healthz: 200 while the process serves requests; it checks no dependency. */
export function getHealth(): RequestHandler {
  return (req, res) => {
    const input = parseRequest(req, { query: emptyObjectSchema });
    if (!input.ok) {
      sendError(res, 'invalid_request', input.message);
      return;
    }

    res.json({ ok: true });
  };
}
