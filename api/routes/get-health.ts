import type { RequestHandler } from 'express';

/** GET /healthz: 200 while the process serves requests; it checks no dependency. */
export function getHealth(): RequestHandler {
  return (_req, res) => {
    res.json({ ok: true });
  };
}
