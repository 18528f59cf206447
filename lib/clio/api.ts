import { ClioHttpError, ClioRateLimitError, ClioReauthorizationRequiredError } from './errors';
import { RateLimitPacer } from './rate-limit';
import {
  CONTACT_FIELDS, CUSTOM_FIELD_FIELDS, MATTER_FIELDS, MATTER_STAGE_FIELDS, PRACTICE_AREA_FIELDS, USER_FIELDS,
  type ClioContact, type ClioCustomField, type ClioMatter, type ClioMatterStage, type ClioPage, type ClioPracticeArea, type ClioUser,
} from './types';

/** Token provider of the API client. Neither function may log a token or pass it anywhere else. */
export interface TokenSource {
  /** Returns a valid access token, refreshing ahead of expiry. */
  current(): Promise<string>;
  /** Refreshes the access token after Clio returned 401, and returns the new one. */
  refreshAfterRejection(rejectedToken: string): Promise<string>;
}

/** Maximum wait for one Clio response. */
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
  private readonly pacer: RateLimitPacer;
  private readonly sleep: (ms: number) => Promise<void>;

  /** Requests sent and 429 responses received by this client, for the sync run's counts. */
  readonly stats = { requests: 0, rateLimited: 0 };

  constructor(baseUrl: string, private readonly tokens: TokenSource, options: { pacer?: RateLimitPacer; sleep?: (ms: number) => Promise<void> } = {}) {
    this.apiRoot = `${baseUrl}/api/v4/`;
    this.pacer = options.pacer ?? new RateLimitPacer();
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
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

  /** Returns the first page of matter ids of every status, for reconciliation. */
  async listMatterIds(): Promise<ClioPage<{ id: number }>> {
    return this.page<{ id: number }>(this.url('matters.json', { fields: 'id', order: 'id(asc)', limit: String(CLIO_PAGE_LIMIT) }));
  }

  /** Returns the contacts with the given ids in as few requests as paging allows. */
  async getContacts(ids: number[]): Promise<ClioContact[]> {
    const contacts: ClioContact[] = [];
    for (let start = 0; start < ids.length; start += CLIO_PAGE_LIMIT) {
      const url = this.url('contacts.json', { fields: CONTACT_FIELDS, order: 'id(asc)', limit: String(CLIO_PAGE_LIMIT) });
      for (const id of ids.slice(start, start + CLIO_PAGE_LIMIT)) {
        url.searchParams.append('ids[]', String(id));
      }
      let page: ClioPage<ClioContact> | null = await this.page<ClioContact>(url);
      contacts.push(...page.data);
      while (page.nextUrl) {
        page = await this.nextPage<ClioContact>(page.nextUrl);
        contacts.push(...page.data);
      }
    }
    return contacts;
  }

  /** Returns every practice area of the account. */
  async listPracticeAreas(): Promise<ClioPracticeArea[]> {
    return this.all<ClioPracticeArea>(this.url('practice_areas.json', { fields: PRACTICE_AREA_FIELDS, order: 'id(asc)', limit: String(CLIO_PAGE_LIMIT) }));
  }

  /**
   * Returns every matter stage of the account, each naming its practice area, in one listing
   * rather than one per practice area. Clio's API lists no `order` parameter for this endpoint.
   */
  async listMatterStages(): Promise<ClioMatterStage[]> {
    return this.all<ClioMatterStage>(this.url('matter_stages.json', { fields: MATTER_STAGE_FIELDS, limit: String(CLIO_PAGE_LIMIT) }));
  }

  /** Returns the matter custom fields that are not deleted, with their picklist options. */
  async listMatterCustomFields(): Promise<ClioCustomField[]> {
    const query = { fields: CUSTOM_FIELD_FIELDS, parent_type: 'matter', deleted: 'false', order: 'id(asc)', limit: String(CLIO_PAGE_LIMIT) };
    return this.all<ClioCustomField>(this.url('custom_fields.json', query));
  }

  /** Follows a `meta.paging.next` URL from an earlier page. */
  async nextPage<T>(nextUrl: string): Promise<ClioPage<T>> {
    return this.page<T>(this.checkedUrl(nextUrl));
  }

  /** Reads a listing to its last page; for short listings such as practice areas and custom fields. */
  private async all<T>(url: URL): Promise<T[]> {
    let page = await this.page<T>(url);
    const records = [...page.data];
    while (page.nextUrl) {
      page = await this.nextPage<T>(page.nextUrl);
      records.push(...page.data);
    }
    return records;
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
      this.stats.rateLimited += 1;
      this.pacer.blockFor(seconds);
      throw new ClioRateLimitError(`Clio rate limit reached on ${url.pathname}; retry after ${seconds} s`, seconds);
    }
    if (!response.ok) {
      const detail = await response.text().catch(() => '');
      throw new ClioHttpError(`Clio returned ${response.status} for GET ${url.pathname}: ${detail.slice(0, 300)}`, response.status);
    }
    return (await response.json()) as T;
  }

  private async send(url: URL, token: string): Promise<Response> {
    const wait = this.pacer.delayMs();
    if (wait > 0) {
      await this.sleep(wait);
    }
    this.pacer.consume();
    this.stats.requests += 1;
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    this.pacer.observe(response.headers);
    return response;
  }
}
