import type { ActivityOptions } from '@temporalio/workflow';
import { FAILURE_TYPES } from '../lib/failure-types';

/** Failures no retry can fix: the firm must reconnect, or Clio rejected the request itself. */
const FINAL_FAILURES = [FAILURE_TYPES.reauthorizationRequired, FAILURE_TYPES.matterNotFound, FAILURE_TYPES.clioRequestRejected];

/**
 * Database bookkeeping: short, idempotent writes. Retried for as long as the database is away,
 * because losing a state change would leave the read model behind the workflow.
 */
export const BOOKKEEPING: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * One Clio request plus one database batch. Five minutes covers a slow Clio page and a large
 * bulk write; 5xx and network errors back off up to ten minutes apart, and a 429 waits for
 * Clio's Retry-After (set by the activity) instead of this backoff.
 */
export const CLIO_CALL: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', nonRetryableErrorTypes: FINAL_FAILURES },
};

/** A credential check that fails is reported, not retried for hours: the next night tries again. */
export const CREDENTIAL_CHECK: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumAttempts: 5, nonRetryableErrorTypes: FINAL_FAILURES },
};

/**
 * Re-deriving a firm's projects: one activity pages through every project, heartbeating after
 * each batch, so a lost worker is noticed within a minute and the retry resumes after the last
 * reported batch. An attempt that passes thirty minutes times out and resumes the same way. As
 * an estimate, the tests re-derive 300 projects in about a second on mongo-java-server.
 */
export const REDERIVE: ActivityOptions = {
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * Reading a firm's Clio options while an admin waits for the response: three tries at most, then
 * the API reports the failure and the admin can try again.
 */
export const CLIO_OPTIONS_READ: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: 3, nonRetryableErrorTypes: [...FINAL_FAILURES, FAILURE_TYPES.clioNotConnected] },
};
