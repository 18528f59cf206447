import { ApplicationFailure, CancelledFailure } from '@temporalio/workflow';

/**
 * Returns the innermost ApplicationFailure in a failure chain: an activity failure inside a child
 * workflow failure arrives wrapped twice.
 */
export function rootApplicationFailure(error: unknown): ApplicationFailure | null {
  let current: unknown = error;
  let found: ApplicationFailure | null = null;
  while (current instanceof Error) {
    if (current instanceof ApplicationFailure) {
      found = current;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return found;
}

/** True when the failure chain contains a cancellation. */
export function isCancellation(error: unknown): boolean {
  let current: unknown = error;
  while (current instanceof Error) {
    if (current instanceof CancelledFailure) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Rejects an Update (or, for a Signal, explains why it was ignored) with an error code the API maps. */
export function rejection(code: 'clio_not_connected' | 'reauthorization_required' | 'invalid_request', message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: code, message, nonRetryable: true });
}
