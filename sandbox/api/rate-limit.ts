import type { NextFunction, Request, Response } from 'express';
import type { SandboxStore } from '../store/sandbox-store';
import { ApiError, sendApiError } from './api-error';
import { callerOf } from './authenticate';

/**
 * Creates middleware that counts each authenticated request against its access token's window.
 * While limiting is on, every response carries X-RateLimit-Limit, X-RateLimit-Remaining and
 * X-RateLimit-Reset (Unix seconds), and a request past the limit gets 429 with Retry-After.
 */
export function createRateLimit(store: SandboxStore) {
  return function rateLimit(_req: Request, res: Response, next: NextFunction): void {
    const decision = store.rateLimiter.consume(callerOf(res).accessToken, store.nowMs());
    if (!decision) {
      next();
      return;
    }

    res.set({
      'X-RateLimit-Limit': String(decision.limit),
      'X-RateLimit-Remaining': String(decision.remaining),
      'X-RateLimit-Reset': String(decision.resetAt),
    });
    if (!decision.allowed) {
      res.set('Retry-After', String(decision.retryAfterSeconds));
      const message = `Rate limit of ${decision.limit} requests per window exceeded; retry in ${decision.retryAfterSeconds} seconds.`;
      sendApiError(res, new ApiError(429, 'RateLimited', message));
      return;
    }
    next();
  };
}
