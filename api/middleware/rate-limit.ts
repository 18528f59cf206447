import type { Request, RequestHandler, Response } from 'express';
import type { Config } from '../../lib/config';
import { sendError } from '../errors';
import { FixedWindowLimiter, type LimitDecision } from './fixed-window-limiter';

/** The settings the API rate limits read. */
export type ApiRateLimitConfig = Pick<Config, 'API_RATE_LIMIT_PER_TOKEN' | 'API_RATE_LIMIT_PER_IP' | 'API_RATE_LIMIT_WINDOW_SECONDS'>;

/** Returns the client address a limit is keyed on; behind a trusted proxy Express reads it from X-Forwarded-For. */
export function clientAddressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function setLimitHeaders(res: Response, limit: number, decision: LimitDecision): void {
  res.setHeader('RateLimit-Limit', String(limit));
  res.setHeader('RateLimit-Remaining', String(decision.remaining));
  res.setHeader('RateLimit-Reset', String(decision.retryAfterSeconds));
}

function reject(res: Response, decision: LimitDecision, message: string): void {
  res.setHeader('Retry-After', String(decision.retryAfterSeconds));
  sendError(res, 'rate_limited', message);
}

/**
 * Limits /api requests per client IP address, counted before authentication so that requests with
 * a wrong token count too. Responds 429 `rate_limited` with Retry-After once the address has sent
 * API_RATE_LIMIT_PER_IP requests in the current window.
 */
export function limitApiRequestsByAddress(config: ApiRateLimitConfig, now: () => Date): RequestHandler {
  const limit = config.API_RATE_LIMIT_PER_IP;
  const limiter = new FixedWindowLimiter({ limit, windowMs: config.API_RATE_LIMIT_WINDOW_SECONDS * 1000 });
  return (req, res, next) => {
    const decision = limiter.consume(clientAddressOf(req), now().getTime());
    if (!decision.allowed) {
      req.log.warn({ limit, windowSeconds: config.API_RATE_LIMIT_WINDOW_SECONDS }, 'API rate limit per address reached');
      reject(res, decision, `Too many requests from this address: the limit is ${limit} per ${config.API_RATE_LIMIT_WINDOW_SECONDS} seconds. Try again in ${decision.retryAfterSeconds} seconds.`);
      return;
    }
    next();
  };
}

/**
 * Limits /api requests per API token, or per user for a browser session; runs after authentication.
 * Sets RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset on every response it lets through.
 */
export function limitApiRequestsByCaller(config: ApiRateLimitConfig, now: () => Date): RequestHandler {
  const limit = config.API_RATE_LIMIT_PER_TOKEN;
  const limiter = new FixedWindowLimiter({ limit, windowMs: config.API_RATE_LIMIT_WINDOW_SECONDS * 1000 });
  return (req, res, next) => {
    const key = req.apiTokenId ? `token:${req.apiTokenId}` : `user:${req.caller?.id ?? 'none'}`;
    const decision = limiter.consume(key, now().getTime());
    setLimitHeaders(res, limit, decision);
    if (!decision.allowed) {
      const subject = req.apiTokenId ? 'with this API token' : 'from your browser session';
      req.log.warn({ limit, windowSeconds: config.API_RATE_LIMIT_WINDOW_SECONDS, userId: req.caller?.id }, 'API rate limit per caller reached');
      reject(res, decision, `Too many requests ${subject}: the limit is ${limit} per ${config.API_RATE_LIMIT_WINDOW_SECONDS} seconds. Try again in ${decision.retryAfterSeconds} seconds.`);
      return;
    }
    next();
  };
}
