import { readIdList, readTimestamp } from './query-params';

/** Filters that every list endpoint of the sandbox takes. */
export const COMMON_FILTER_PARAMS = ['updated_since', 'created_since', 'ids[]'] as const;

/** Values of the common filters, null where the request leaves a filter out. */
export interface CommonFilters {
  /** Unix milliseconds. Records updated strictly after it match. */
  updatedSince: number | null;
  /** Unix milliseconds. Records created strictly after it match. */
  createdSince: number | null;
  ids: Set<number> | null;
}

/** Reads `updated_since`, `created_since` and `ids[]`. */
export function readCommonFilters(params: URLSearchParams): CommonFilters {
  return {
    updatedSince: readTimestamp(params, 'updated_since'),
    createdSince: readTimestamp(params, 'created_since'),
    ids: readIdList(params, 'ids[]'),
  };
}

/** Returns whether a record with these id and times passes the common filters. */
export function passesCommonFilters(filters: CommonFilters, id: number, createdAtMs: number, updatedAtMs: number): boolean {
  if (filters.ids !== null && !filters.ids.has(id)) return false;
  if (filters.updatedSince !== null && !(updatedAtMs > filters.updatedSince)) return false;
  if (filters.createdSince !== null && !(createdAtMs > filters.createdSince)) return false;
  return true;
}
