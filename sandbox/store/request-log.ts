/** Request counts since the sandbox started or since the last reset. Admin requests are not counted. */
export interface RequestCounts {
  total: number;
  /** Token endpoint requests by `grant_type` (`missing` when absent), whatever the outcome. */
  tokenEndpoint: Record<string, number>;
  /** Authorization page and deauthorization requests, such as `GET /oauth/authorize`. */
  oauth: Record<string, number>;
  /** API requests by method and route without the region prefix, such as `GET /matters/{id}.json`. */
  api: Record<string, number>;
  /** API requests by region. */
  apiByRegion: Record<string, number>;
  /** API requests made with a valid access token, by account id. */
  apiByAccount: Record<string, number>;
  /** All counted requests by HTTP status code. */
  byStatus: Record<string, number>;
}

/** One finished request, as classified by the request counting middleware. */
export interface CountedRequest {
  kind: 'token' | 'oauth' | 'api';
  /** Grant type for `token`, otherwise method and route. */
  key: string;
  region: string;
  status: number;
  accountId?: number;
}

function emptyCounts(): RequestCounts {
  return { total: 0, tokenEndpoint: {}, oauth: {}, api: {}, apiByRegion: {}, apiByAccount: {}, byStatus: {} };
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Counts finished requests so tests can assert how many calls a client made. */
export class RequestLog {
  private counts = emptyCounts();

  /** Adds one finished request to the counts. */
  record(request: CountedRequest): void {
    this.counts.total += 1;
    increment(this.counts.byStatus, String(request.status));
    if (request.kind === 'token') {
      increment(this.counts.tokenEndpoint, request.key);
      return;
    }
    if (request.kind === 'oauth') {
      increment(this.counts.oauth, request.key);
      return;
    }
    increment(this.counts.api, request.key);
    increment(this.counts.apiByRegion, request.region);
    if (request.accountId !== undefined) increment(this.counts.apiByAccount, String(request.accountId));
  }

  /** Returns a copy of the counts. */
  snapshot(): RequestCounts {
    return structuredClone(this.counts);
  }

  /** Sets every count back to zero. */
  reset(): void {
    this.counts = emptyCounts();
  }
}
