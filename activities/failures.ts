import { ApplicationFailure } from '@temporalio/activity';
import { FAILURE_TYPES } from '../lib/failure-types';
import { ClioHttpError, ClioRateLimitError, ClioReauthorizationRequiredError } from '../lib/clio/errors';


/**
 * Converts a Clio error into the ApplicationFailure Temporal should see. A lost grant and a
 * rejected request are final. A 429 retries after Clio's Retry-After instead of the backoff.
 * Anything else (5xx, network) is rethrown for the ordinary retry policy.
 */
export function toActivityFailure(error: unknown, context: string): unknown {
  if (error instanceof ClioReauthorizationRequiredError) {
    return ApplicationFailure.create({ message: `${context}: ${error.message}`, type: FAILURE_TYPES.reauthorizationRequired, nonRetryable: true });
  }
  if (error instanceof ClioRateLimitError) {
    return ApplicationFailure.create({ message: `${context}: ${error.message}`, type: FAILURE_TYPES.rateLimited, nextRetryDelay: `${error.retryAfterSeconds}s` });
  }
  if (error instanceof ClioHttpError && error.isNotFound) {
    return ApplicationFailure.create({ message: `${context}: ${error.message}`, type: FAILURE_TYPES.matterNotFound, nonRetryable: true });
  }
  if (error instanceof ClioHttpError && !error.isTransient) {
    return ApplicationFailure.create({ message: `${context}: ${error.message}`, type: FAILURE_TYPES.clioRequestRejected, nonRetryable: true });
  }
  return error;
}
