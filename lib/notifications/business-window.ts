import { DateTime } from 'luxon';

/** Local time at which queued client updates go out when the configuration sets none. @default 08:00 */
export const DEFAULT_BUSINESS_HOUR = '08:00';

/** A holiday list longer than a year of days cannot leave a business day, so the search stops there. */
const MAX_DAYS_AHEAD = 370;

const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Returns the first business-day instant at `localTime` in `timeZone` that is not before `now`.
 * Business days are Monday to Friday, minus `holidays` (YYYY-MM-DD dates in the firm's time
 * zone). On a business day before `localTime` that is today; at or after it, the next business
 * day. A `localTime` that a daylight-saving change skips moves forward by the gap, as luxon does.
 * Throws RangeError for an unknown time zone, a malformed time or date, or a holiday list that
 * leaves no business day in the coming year.
 */
export function nextBusinessWindow(now: Date, timeZone: string, localTime: string = DEFAULT_BUSINESS_HOUR, holidays: string[] = []): Date {
  const match = LOCAL_TIME_PATTERN.exec(localTime);
  if (!match) {
    throw new RangeError(`Business hour "${localTime}" is not a 24-hour HH:MM time such as 08:00`);
  }
  const zoned = DateTime.fromJSDate(now, { zone: timeZone });
  if (!zoned.isValid) {
    throw new RangeError(`Time zone "${timeZone}" is not an IANA time zone name such as America/New_York`);
  }
  const closed = new Set(holidays.map(checkHoliday));

  const hour = Number(match[1]);
  const minute = Number(match[2]);
  for (let offset = 0; offset <= MAX_DAYS_AHEAD; offset++) {
    const day = zoned.startOf('day').plus({ days: offset });
    // luxon numbers weekdays 1 (Monday) to 7 (Sunday).
    if (day.weekday > 5 || closed.has(day.toISODate() ?? '')) {
      continue;
    }
    const candidate = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: timeZone });
    if (candidate.toMillis() >= now.getTime()) {
      return candidate.toJSDate();
    }
  }
  throw new RangeError(`No business day within ${MAX_DAYS_AHEAD} days of ${now.toISOString()} in ${timeZone}: the holiday list covers every weekday`);
}

/** Returns `date` when it is a real calendar date in YYYY-MM-DD form; throws RangeError otherwise. */
export function checkHoliday(date: string): string {
  if (!DATE_PATTERN.test(date) || !DateTime.fromISO(date).isValid) {
    throw new RangeError(`Holiday "${date}" is not a calendar date in YYYY-MM-DD form such as 2027-12-24`);
  }
  return date;
}
