import { DateTime } from 'luxon';
import { nextBusinessWindow } from '../../lib/notifications';

describe('nextBusinessWindow', () => {
  const cases: [string, string, string, string, string[], string][] = [
    // [case, now (UTC), zone, local time, holidays, expected (UTC)]
    ['Friday 16:00 goes to Monday 08:00', '2027-01-08T21:00:00Z', 'America/New_York', '08:00', [], '2027-01-11T13:00:00.000Z'],
    ['Saturday goes to Monday', '2027-01-09T15:00:00Z', 'America/New_York', '08:00', [], '2027-01-11T13:00:00.000Z'],
    ['Sunday night goes to Monday', '2027-01-11T04:00:00Z', 'America/New_York', '08:00', [], '2027-01-11T13:00:00.000Z'],
    ['Monday before 08:00 is today', '2027-01-11T12:59:00Z', 'America/New_York', '08:00', [], '2027-01-11T13:00:00.000Z'],
    ['Monday at 08:00 exactly is today', '2027-01-11T13:00:00Z', 'America/New_York', '08:00', [], '2027-01-11T13:00:00.000Z'],
    ['Monday after 08:00 goes to Tuesday', '2027-01-11T13:01:00Z', 'America/New_York', '08:00', [], '2027-01-12T13:00:00.000Z'],
    ['holiday Monday after a Friday goes to Tuesday', '2027-01-15T21:00:00Z', 'America/New_York', '08:00', ['2027-01-18'], '2027-01-19T13:00:00.000Z'],
    ['holiday today goes to the next day', '2027-01-18T11:00:00Z', 'America/New_York', '08:00', ['2027-01-18'], '2027-01-19T13:00:00.000Z'],
    ['two holidays in a row are both skipped', '2027-12-23T18:00:00Z', 'America/New_York', '08:00', ['2027-12-24', '2027-12-27'], '2027-12-28T13:00:00.000Z'],
    ['spring forward weekend lands in EDT', '2027-03-12T21:00:00Z', 'America/New_York', '08:00', [], '2027-03-15T12:00:00.000Z'],
    ['fall back weekend lands in EST', '2027-11-05T20:00:00Z', 'America/New_York', '08:00', [], '2027-11-08T13:00:00.000Z'],
    ['London clocks change over the weekend', '2027-03-26T17:00:00Z', 'Europe/London', '08:00', [], '2027-03-29T07:00:00.000Z'],
    ['Friday in UTC is Saturday in Sydney', '2027-06-04T23:00:00Z', 'Australia/Sydney', '08:00', [], '2027-06-06T22:00:00.000Z'],
    ['another local time is honoured', '2027-01-11T15:00:00Z', 'America/Chicago', '09:30', [], '2027-01-11T15:30:00.000Z'],
  ];

  test.each(cases)('%s', (_name, now, zone, localTime, holidays, expected) => {
    expect(nextBusinessWindow(new Date(now), zone, localTime, holidays).toISOString()).toBe(expected);
  });

  test('default local time is 08:00', () => {
    expect(nextBusinessWindow(new Date('2027-01-08T21:00:00Z'), 'America/New_York').toISOString()).toBe('2027-01-11T13:00:00.000Z');
  });

  test('never lands on a weekend', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Pacific/Auckland', 'America/Los_Angeles'];
    for (let hour = 0; hour < 24 * 21; hour += 5) {
      for (const zone of zones) {
        const window = nextBusinessWindow(new Date(Date.UTC(2027, 2, 1, hour)), zone, '08:00', ['2027-03-10']);
        const local = DateTime.fromJSDate(window, { zone });
        expect(local.weekday).toBeLessThanOrEqual(5);
        expect(local.toISODate()).not.toBe('2027-03-10');
      }
    }
  });

  test('unknown time zone is rejected by name', () => {
    expect(() => nextBusinessWindow(new Date(), 'Mars/Olympus')).toThrow('Mars/Olympus');
  });

  test('malformed local time is rejected', () => {
    expect(() => nextBusinessWindow(new Date(), 'UTC', '8am')).toThrow('"8am"');
  });

  test('malformed holiday is rejected', () => {
    expect(() => nextBusinessWindow(new Date(), 'UTC', '08:00', ['2027-02-30'])).toThrow('"2027-02-30"');
  });

  test('holidays covering a whole year are rejected', () => {
    const start = DateTime.fromISO('2027-01-01', { zone: 'UTC' });
    const holidays = Array.from({ length: 400 }, (_, day) => start.plus({ days: day }).toISODate() as string);
    expect(() => nextBusinessWindow(new Date('2027-01-01T00:00:00Z'), 'UTC', '08:00', holidays)).toThrow('every weekday');
  });
});
