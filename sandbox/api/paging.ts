import { ApiError, argumentError } from './api-error';
import { readInteger, readSingle } from './query-params';

/** Most records a list request returns, and the default `limit`. */
export const MAX_LIMIT = 200;
/** Offset paging reaches only this many records, and Clio returns 422 past them. */
export const OFFSET_RECORD_LIMIT = 10_000;

/** Query parameters that every list endpoint takes for paging. */
export const PAGING_PARAMS = ['limit', 'page_token', 'offset', 'order'] as const;

/** The paging method of a list request: a cursor after an id (ascending only), or an offset. */
export type PagingMode =
  | { kind: 'cursor'; afterId: number | null }
  | { kind: 'offset'; offset: number; descending: boolean };

/** Paging settings read from a list request. */
export interface PagingRequest {
  limit: number;
  mode: PagingMode;
}

/** A page of records and the `meta` object of a list response. */
export interface Page<T> {
  records: T[];
  meta: { paging: { next?: string; previous?: string }; records: number };
}

/**
 * Reads limit, order, offset and page_token. Cursor paging is used unless `offset` is given or
 * the order is descending, because a cursor walks ids in ascending order only.
 * NOTE: orders other than id(asc) and id(desc) are valid in Clio but rejected here.
 */
export function readPaging(params: URLSearchParams): PagingRequest {
  const limit = readInteger(params, 'limit', 1, MAX_LIMIT) ?? MAX_LIMIT;
  const order = readSingle(params, 'order') ?? 'id(asc)';
  if (order !== 'id(asc)' && order !== 'id(desc)') {
    throw argumentError(`Invalid order "${order}": the sandbox sorts by id(asc) or id(desc) only.`);
  }
  const offset = readInteger(params, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const pageToken = readSingle(params, 'page_token');

  if (offset !== null || order === 'id(desc)') {
    if (pageToken !== null) throw argumentError('page_token is for cursor paging; do not combine it with offset or order=id(desc).');
    return { limit, mode: { kind: 'offset', offset: offset ?? 0, descending: order === 'id(desc)' } };
  }
  return { limit, mode: { kind: 'cursor', afterId: pageToken === null ? null : decodePageToken(pageToken) } };
}

/**
 * Cuts one page out of the matching records, which must be sorted by ascending id, and builds
 * the next and previous links from `requestUrl`, keeping its other parameters.
 */
export function paginate<T>(records: readonly T[], idOf: (record: T) => number, paging: PagingRequest, requestUrl: URL): Page<T> {
  const links: { next?: string; previous?: string } = {};
  if (paging.mode.kind === 'cursor') {
    const start = paging.mode.afterId === null ? 0 : firstIndexAfter(records, idOf, paging.mode.afterId);
    const page = records.slice(start, start + paging.limit);
    const last = page[page.length - 1];
    if (last !== undefined && start + page.length < records.length) {
      links.next = linkWith(requestUrl, { page_token: encodePageToken(idOf(last)), offset: null });
    }
    return { records: page, meta: { paging: links, records: records.length } };
  }

  const { offset, descending } = paging.mode;
  if (offset >= OFFSET_RECORD_LIMIT) {
    throw new ApiError(
      422,
      'ArgumentError',
      `Offset ${offset} is past the ${OFFSET_RECORD_LIMIT} records that offset paging can reach; use cursor paging (order=id(asc), no offset).`,
    );
  }
  const ordered = descending ? [...records].reverse() : records;
  const page = ordered.slice(offset, Math.min(offset + paging.limit, OFFSET_RECORD_LIMIT));
  if (offset + page.length < ordered.length) links.next = linkWith(requestUrl, { offset: String(offset + paging.limit), page_token: null });
  if (offset > 0) links.previous = linkWith(requestUrl, { offset: String(Math.max(0, offset - paging.limit)), page_token: null });
  return { records: page, meta: { paging: links, records: records.length } };
}

function firstIndexAfter<T>(records: readonly T[], idOf: (record: T) => number, afterId: number): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (idOf(records[middle]) <= afterId) low = middle + 1;
    else high = middle;
  }
  return low;
}

function linkWith(requestUrl: URL, changes: Record<string, string | null>): string {
  const url = new URL(requestUrl.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return url.href;
}

function encodePageToken(afterId: number): string {
  return Buffer.from(JSON.stringify({ after: afterId })).toString('base64url');
}

function decodePageToken(token: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const after = (decoded as { after?: unknown } | null)?.after;
    if (typeof after === 'number' && Number.isSafeInteger(after)) return after;
  } catch {
    // Falls through to the error below.
  }
  throw argumentError(`Invalid page_token "${token}": use the next link of the previous page as is.`);
}
