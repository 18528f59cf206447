import { firmJitterSeconds, nextNightlyRun, NIGHTLY_JITTER_SECONDS } from '../../workflows/nightly-schedule';

describe('nextNightlyRun', () => {
  const cases: [string, string, string, number, string][] = [
    // [now (UTC), zone, local time, jitter seconds, expected run (UTC)]
    ['2027-01-10T12:00:00Z', 'America/New_York', '02:00', 0, '2027-01-11T07:00:00.000Z'],
    ['2027-01-11T06:59:59Z', 'America/New_York', '02:00', 0, '2027-01-11T07:00:00.000Z'],
    ['2027-01-11T07:00:00Z', 'America/New_York', '02:00', 0, '2027-01-12T07:00:00.000Z'],
    ['2027-01-10T12:00:00Z', 'America/New_York', '02:00', 900, '2027-01-11T07:15:00.000Z'],
    // Spring forward: 02:10 does not exist on 2027-03-14 and moves to 03:10 EDT.
    ['2027-03-13T12:00:00Z', 'America/New_York', '02:00', 600, '2027-03-14T07:10:00.000Z'],
    ['2027-03-14T07:10:00Z', 'America/New_York', '02:00', 600, '2027-03-15T06:10:00.000Z'],
    // Fall back: 01:00–02:00 repeats on 2027-11-07, 02:10 happens once, in EST.
    ['2027-11-06T12:00:00Z', 'America/New_York', '02:00', 600, '2027-11-07T07:10:00.000Z'],
    ['2027-11-07T07:10:00Z', 'America/New_York', '02:00', 600, '2027-11-08T07:10:00.000Z'],
    ['2027-06-01T00:00:00Z', 'Europe/London', '02:00', 0, '2027-06-01T01:00:00.000Z'],
    ['2027-06-01T00:00:00Z', 'Australia/Sydney', '02:00', 0, '2027-06-01T16:00:00.000Z'],
    ['2027-06-01T00:00:00Z', 'America/Toronto', '23:30', 0, '2027-06-01T03:30:00.000Z'],
  ];

  test.each(cases)('from %s in %s at %s plus %is', (now, zone, localTime, jitter, expected) => {
    expect(nextNightlyRun(new Date(now), zone, localTime, jitter).toISOString()).toBe(expected);
  });

  test('unknown time zone is rejected by name', () => {
    expect(() => nextNightlyRun(new Date(), 'Mars/Olympus', '02:00', 0)).toThrow('Mars/Olympus');
  });

  test('malformed local time is rejected', () => {
    expect(() => nextNightlyRun(new Date(), 'UTC', '2am', 0)).toThrow('"2am"');
  });
});

describe('firmJitterSeconds', () => {
  test('is stable for one firm', () => {
    expect(firmJitterSeconds('acme-law')).toBe(firmJitterSeconds('acme-law'));
  });

  test('stays inside the thirty-minute window', () => {
    for (let i = 0; i < 1000; i++) {
      const jitter = firmJitterSeconds(`firm-${i}`);
      expect(jitter).toBeGreaterThanOrEqual(0);
      expect(jitter).toBeLessThan(NIGHTLY_JITTER_SECONDS);
    }
  });

  test('spreads firms across the window', () => {
    const minutes = new Set(Array.from({ length: 1000 }, (_, i) => Math.floor(firmJitterSeconds(`firm-${i}`) / 60)));
    expect(minutes.size).toBe(30);
  });
});
