import type { NextFunction, Request, Response } from 'express';
import type { SandboxStore } from '../store/sandbox-store';
import { ApiError, sendApiError } from './api-error';
import { callerOf } from './authenticate';

/** Error types of the injected 5xx responses, in the form of Clio's error body. */
const SERVER_ERROR_TYPES: Readonly<Record<number, string>> = {
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/**
 * Creates middleware that applies the faults set for the caller's account through the admin API:
 * it waits the configured latency, then responds 429 during a rate-limit storm, 5xx to requests
 * that the error sequence picks, or passes the request on. It runs after the global rate limit,
 * so requests rejected there do not count toward the storm.
 */
export function createFaultInjection(store: SandboxStore) {
  return function injectFaults(_req: Request, res: Response, next: NextFunction): void {
    const decision = store.faults.next(callerOf(res).account.id);
    if (!decision) {
      next();
      return;
    }

    const respond = (): void => {
      const { outcome } = decision;
      if (outcome.kind === 'rate_limited') {
        res.set('Retry-After', String(outcome.retryAfterSeconds));
        if (res.get('X-RateLimit-Limit') !== undefined) res.set('X-RateLimit-Remaining', '0');
        const message = `Rate limit exceeded; retry in ${outcome.retryAfterSeconds} seconds.`;
        sendApiError(res, new ApiError(429, 'RateLimited', message));
        return;
      }
      if (outcome.kind === 'server_error') {
        const type = SERVER_ERROR_TYPES[outcome.status] ?? 'InternalServerError';
        sendApiError(res, new ApiError(outcome.status, type, `The request failed with an injected ${outcome.status} error; retry later.`));
        return;
      }
      next();
    };
    if (decision.latencyMs > 0) setTimeout(respond, decision.latencyMs);
    else respond();
  };
}
