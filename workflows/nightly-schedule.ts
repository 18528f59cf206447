import { DateTime } from 'luxon';

/** Local time of the nightly sync before the per-firm jitter. @default 02:00 */
export const NIGHTLY_LOCAL_TIME = '02:00';

/** Width of the per-firm jitter window, so thousands of firms do not start at the same second. */
export const NIGHTLY_JITTER_SECONDS = 30 * 60;

/**
 * Returns a stable offset in [0, NIGHTLY_JITTER_SECONDS) for a firm: the 32-bit FNV-1a hash of
 * its id. The same firm always gets the same offset, so its runs stay 24 hours apart.
 */
export function firmJitterSeconds(firmId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < firmId.length; i++) {
    hash ^= firmId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % NIGHTLY_JITTER_SECONDS;
}

/**
 * Returns the first nightly run strictly after `now`: `localTime` plus `jitterSeconds` of wall-clock
 * time in `timeZone`. On a daylight-saving day the wall-clock time that does not exist moves
 * forward by the gap, and one that exists twice is taken once, so each calendar day has one run.
 */
export function nextNightlyRun(now: Date, timeZone: string, localTime: string, jitterSeconds: number): Date {
  const [hour, minute] = parseLocalTime(localTime);
  const zoned = DateTime.fromJSDate(now, { zone: timeZone });
  if (!zoned.isValid) {
    throw new RangeError(`Time zone "${timeZone}" is not an IANA time zone name such as America/New_York`);
  }
  for (let dayOffset = 0; dayOffset <= 2; dayOffset++) {
    const day = zoned.startOf('day').plus({ days: dayOffset });
    const candidate = DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour, minute, second: 0 },
      { zone: timeZone },
    ).plus({ seconds: jitterSeconds });
    if (candidate.toMillis() > now.getTime()) {
      return candidate.toJSDate();
    }
  }
  throw new RangeError(`No nightly run found after ${now.toISOString()} in ${timeZone}`);
}

function parseLocalTime(localTime: string): [number, number] {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(localTime);
  if (!match) {
    throw new RangeError(`Nightly time "${localTime}" is not a 24-hour HH:MM time such as 02:00`);
  }
  return [Number(match[1]), Number(match[2])];
}
