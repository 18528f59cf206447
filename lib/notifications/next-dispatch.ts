import { DateTime } from 'luxon';
import { Firm, Notification, NotificationSettings } from '../models';
import { nextBusinessWindow } from './business-window';

/** A firm's time zone and holidays, which decide when its client updates may go out. */
export interface FirmSchedule {
  timeZone: string;
  /** YYYY-MM-DD dates in the firm's time zone. */
  holidays: string[];
  /** Local time, HH:MM, at which the business day's updates start going out. */
  businessHour: string;
}

/** Reads the firm's time zone and holidays; a firm without a time zone is in America/New_York. */
export async function readFirmSchedule(firmId: string, businessHour: string): Promise<FirmSchedule> {
  const firm = await Firm.findById(firmId, { timeZone: 1 }).lean();
  const settings = await NotificationSettings.findOne({ firmId }, { holidays: 1 }).lean();
  return { timeZone: firm?.timeZone ?? 'America/New_York', holidays: settings?.holidays ?? [], businessHour };
}

/**
 * True when `at` is in the firm's sending hours: a business day (Monday to Friday, not a
 * holiday) from the business hour to midnight, firm time. Updates that fell due outside these
 * hours, such as after a worker outage, wait for the next business window.
 */
export function withinSendingHours(at: Date, schedule: FirmSchedule): boolean {
  const local = DateTime.fromJSDate(at, { zone: schedule.timeZone });
  if (local.weekday > 5 || schedule.holidays.includes(local.toISODate() ?? '')) {
    return false;
  }
  return local.toFormat('HH:mm') >= schedule.businessHour;
}

/** Returns `at` when it is in sending hours, else the next business window after it. */
export function nextSendingTime(at: Date, schedule: FirmSchedule): Date {
  return withinSendingHours(at, schedule) ? at : nextBusinessWindow(at, schedule.timeZone, schedule.businessHour, schedule.holidays);
}

/**
 * Returns when a dispatch pass next has work for the firm: the earliest due date of a queued
 * notification or the time a claim left in `sending` may be taken over, moved into sending
 * hours and never before `now`. Returns null when the outbox has nothing to send.
 */
export async function nextDispatchTime(firmId: string, options: { now: Date; sendingTimeoutMs: number; schedule: FirmSchedule }): Promise<Date | null> {
  const queued = await Notification.findOne({ firmId, state: 'queued', dueAt: { $ne: null } }, { dueAt: 1 }).sort({ dueAt: 1 }).lean();
  const claimed = await Notification.findOne({ firmId, state: 'sending' }, { claimedAt: 1 }).sort({ claimedAt: 1 }).lean();
  const candidates = [
    queued?.dueAt?.getTime(),
    claimed?.claimedAt ? claimed.claimedAt.getTime() + options.sendingTimeoutMs : undefined,
  ].filter((time): time is number => time !== undefined);
  if (candidates.length === 0) {
    return null;
  }
  const earliest = Math.max(Math.min(...candidates), options.now.getTime());
  return nextSendingTime(new Date(earliest), options.schedule);
}
