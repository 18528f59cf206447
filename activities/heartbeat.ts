import { heartbeat } from '@temporalio/activity';

/** How often a long activity reports that it is alive: a third of CLIO_CALL's heartbeat timeout. */
export const HEARTBEAT_EVERY_MS = 10_000;

/** Heartbeats when running inside an activity; a test that calls the function directly has no one to tell. */
export function heartbeatIfActivity(): void {
  try {
    heartbeat();
  } catch {
    // Outside an activity context there is no one to report to.
  }
}

/**
 * Runs `work` while heartbeating on a timer. Temporal then notices within the activity's
 * heartbeat timeout that the worker died or lost the server mid-attempt, and retries at once,
 * instead of waiting out the whole start-to-close timeout.
 */
export async function whileHeartbeating<T>(work: () => Promise<T>, everyMs = HEARTBEAT_EVERY_MS): Promise<T> {
  // Unreferenced, so an attempt stuck in a request never keeps the process from exiting.
  const timer = setInterval(heartbeatIfActivity, everyMs).unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
