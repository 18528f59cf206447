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
 * One Clio page or matter plus its database writes. Five minutes covers a slow Clio page, a
 * wait for the rate limit and a large bulk write. The activity heartbeats every 10 seconds, so
 * an attempt whose worker died, or whose result a Temporal restart lost, is retried after 30
 * seconds rather than after the five minutes.
 *
 * A 429 waits for Clio's Retry-After (set by the activity) instead of this backoff, but still
 * counts as an attempt, so after a 429 storm the next 5xx backs off as if it followed as many
 * errors. The one-minute cap keeps that wait short; a Clio outage costs a request a minute.
 */
export const CLIO_CALL: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: FINAL_FAILURES },
};

/** A credential check that fails is reported, not retried for hours: the next night tries again. */
export const CREDENTIAL_CHECK: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumAttempts: 5, nonRetryableErrorTypes: FINAL_FAILURES },
};

/**
 * One dispatch pass over a firm's outbox. A pass handles at most 100 notifications and
 * heartbeats every 20 seconds, so a stopped worker is noticed within a minute and the retry
 * runs elsewhere. An attempt that timed out may still be sending, but its claims keep a retry
 * from sending the same notification: a claim is taken over only after ten minutes. After the
 * last attempt the workflow tries again with its next pass.
 */
export const DISPATCH: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 5 },
};

/**
 * Recording and sending one admin alert. Each SMTP attempt ends within about 80 seconds (the
 * transport's timeouts), so five minutes covers a few admins. A repeated call finds the alert
 * recorded under its key and sends nothing twice. A delivery the SMTP server deferred is
 * retried by the workflow at the time the outbox sets.
 */
export const ADMIN_ALERT: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
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
