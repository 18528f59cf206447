/** Formats an ISO time in a firm's time zone with the zone's abbreviation, such as "Mar 14, 2027, 2:17 AM EDT". */
export function formatInTimeZone(iso: string, timeZone: string): string {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return formatter.format(new Date(iso));
}
