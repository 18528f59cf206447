/**
 * File beside a worker CPU profile holding the sync's start and end on the system's monotonic
 * clock, so the profile summary can leave out the worker's start-up (workflow bundling).
 */
export const SYNC_WINDOW_FILE = 'sync-window.json';

/** A time span in microseconds of CLOCK_MONOTONIC, the clock of V8 profile timestamps on Linux. */
export interface SyncWindow {
  fromMicros: number;
  toMicros: number;
}

/** Reads CLOCK_MONOTONIC in microseconds, as libuv's high-resolution time does. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
