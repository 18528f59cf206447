import { createHash } from 'node:crypto';

/**
 * Formats Unix milliseconds as an ISO-8601 timestamp with whole seconds and an explicit UTC
 * offset, such as `2024-05-01T13:45:12+00:00`. NaN gives null.
 */
export function formatTimestamp(ms: number): string | null {
  if (Number.isNaN(ms)) return null;
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}

/** Formats Unix milliseconds as an ISO-8601 date such as `2024-05-01` (UTC). NaN gives null. */
export function formatDate(ms: number): string | null {
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Computes a record's etag: a quoted hash of its type, id, last update and change count, so it
 * changes whenever the record does. The quotes make the value usable as an ETag header as is.
 */
export function computeEtag(recordType: string, id: number, updatedAtMs: number, version = 0): string {
  const digest = createHash('sha1').update(`${recordType}:${id}:${updatedAtMs}:${version}`).digest('hex');
  return `"${digest.slice(0, 32)}"`;
}
