import { Context } from '@temporalio/activity';

/**
 * Returns the current time for an activity: the later of the worker's clock and the time
 * Temporal scheduled this attempt. The two agree in production up to clock skew. On the
 * time-skipping test server the scheduled time runs ahead of the worker's clock, and due dates
 * must follow the server. Outside an activity, as in unit tests, it returns the clock's time.
 */
export function activityTime(clock: () => Date = () => new Date()): Date {
  const now = clock();
  let scheduledMs: number | undefined;
  try {
    scheduledMs = Context.current().info.currentAttemptScheduledTimestampMs;
  } catch {
    return now;
  }
  return scheduledMs !== undefined && scheduledMs > now.getTime() ? new Date(scheduledMs) : now;
}
