import type { Request, Response } from 'express';
import { z } from 'zod';
import type { SandboxStore } from '../../store/sandbox-store';
import { invalidRequestFrom } from '../admin-errors';

const rateLimitBody = z
  .object({
    rateLimit: z
      .object({
        limit: z.number().int().min(1).max(1_000_000),
        windowSeconds: z.number().int().min(1).max(86_400),
      })
      .strict()
      .nullable(),
  })
  .strict();

/** Creates the handler of GET /_admin/rate-limit, which returns `{"rateLimit": settings | null}`. */
export function createGetRateLimitHandler(store: SandboxStore) {
  return function getRateLimit(_req: Request, res: Response): void {
    res.json({ rateLimit: store.rateLimiter.current });
  };
}

/**
 * Creates the handler of PUT /_admin/rate-limit with body
 * `{"rateLimit": {"limit": 50, "windowSeconds": 60} | null}`. Null turns limiting off, and any change
 * starts every token's count afresh.
 */
export function createSetRateLimitHandler(store: SandboxStore) {
  return function setRateLimit(req: Request, res: Response): void {
    const input: unknown = req.body ?? {};
    const parsed = rateLimitBody.safeParse(input);
    if (!parsed.success) throw invalidRequestFrom(parsed.error, input);

    store.rateLimiter.configure(parsed.data.rateLimit);

    res.json({ rateLimit: store.rateLimiter.current });
  };
}
