import { ClioHttpError, ClioRateLimitError, ClioReauthorizationRequiredError } from './errors';
import { MATTER_FIELDS, USER_FIELDS, type ClioMatter, type ClioPage, type ClioUser } from './types';

/** Where the API client gets tokens; neither function may log or return a token elsewhere. */
export interface TokenSource {
  /** Returns a valid access token, refreshing ahead of expiry. */
  current(): Promise<string>;
  /** Refreshes the access token after Clio answered 401, and returns the new one. */
  refreshAfterRejection(rejectedToken: string): Promise<string>;
}

/** Longest wait for one Clio response. */
const REQUEST_TIMEOUT_MS = 60_000;

/** Fallback when a 429 carries no usable Retry-After header. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** Maximum page size Clio allows on list endpoints. */
export const CLIO_PAGE_LIMIT = 200;

/**
 * A client for Clio API v4 on one region's host. It names the fields it needs on every request,
 * pages by cursor only, and retries a 401 once after a refresh.
 */
export class ClioApi {
  private readonly apiRoot: string;

  constructor(baseUrl: string, private readonly tokens: TokenSource) {
    this.apiRoot = `${baseUrl}/api/v4/`;
  }

  /** Returns the Clio user who granted access. */
  async whoAmI(): Promise<ClioUser> {
    const body = await this.get<{ data: ClioUser }>(this.url('users/who_am_i.json', { fields: USER_FIELDS }));
    return body.data;
  }

  /** Returns one matter, or throws ClioHttpError with status 404 when Clio has no such matter. */
  async getMatter(matterId: number): Promise<ClioMatter> {
    const body = await this.get<{ data: ClioMatter }>(this.url(`matters/${matterId}.json`, { fields: MATTER_FIELDS }));
    return body.data;
  }

  /** Returns the first page of matters by ascending id, optionally only those updated after `updatedSince`. */
  async listMatters(options: { updatedSince?: string; limit?: number } = {}): Promise<ClioPage<ClioMatter>> {
    const query: Record<string, string> = { fields: MATTER_FIELDS, order: 'id(asc)', limit: String(options.limit ?? CLIO_PAGE_LIMIT) };
    if (options.updatedSince) {
      query.updated_since = options.updatedSince;
    }
    return this.page<ClioMatter>(this.url('matters.json', query));
  }

  /** Follows a `meta.paging.next` URL from an earlier page. */
  async nextPage<T>(nextUrl: string): Promise<ClioPage<T>> {
    return this.page<T>(this.checkedUrl(nextUrl));
  }

  private async page<T>(url: URL): Promise<ClioPage<T>> {
    const body = await this.get<{ data: T[]; meta?: { paging?: { next?: string }; records?: number } }>(url);
    return { data: body.data, nextUrl: body.meta?.paging?.next ?? null, records: body.meta?.records ?? null };
  }

  private url(path: string, query: Record<string, string>): URL {
    const url = new URL(path, this.apiRoot);
    for (const [key, value] of Object.entries(query)) {
      url.searchParams.set(key, value);
    }
    return url;
  }

  /** Accepts a paging URL only on this region's API, so a bearer token never goes to another host. */
  private checkedUrl(value: string): URL {
    const url = new URL(value);
    if (!url.href.startsWith(this.apiRoot)) {
      throw new ClioHttpError(`Clio paging URL ${url.origin}${url.pathname} is outside ${this.apiRoot}; refusing to send credentials there`, 502);
    }
    return url;
  }

  private async get<T>(url: URL): Promise<T> {
    let token = await this.tokens.current();
    let response = await this.send(url, token);
    if (response.status === 401) {
      token = await this.tokens.refreshAfterRejection(token);
      response = await this.send(url, token);
      if (response.status === 401) {
        throw new ClioReauthorizationRequiredError('Clio rejected a freshly refreshed access token (401): the firm must reconnect Clio');
      }
    }
    if (response.status === 429) {
      const retryAfter = Number(response.headers.get('retry-after'));
      const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : DEFAULT_RETRY_AFTER_SECONDS;
      throw new ClioRateLimitError(`Clio rate limit reached on ${url.pathname}; retry after ${seconds} s`, seconds);
    }
    if (!response.ok) {
      const detail = await response.text().catch(() => '');
      throw new ClioHttpError(`Clio answered ${response.status} to GET ${url.pathname}: ${detail.slice(0, 300)}`, response.status);
    }
    return (await response.json()) as T;
  }

  private send(url: URL, token: string): Promise<Response> {
    return fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  }
}
