/**
 * Clio rejected CaseBridge's credentials for good: the refresh token was refused
 * (`invalid_grant`), or a freshly refreshed access token still got 401. Only the firm
 * reconnecting can fix it, so retrying is pointless.
 */
export class ClioReauthorizationRequiredError extends Error {
  override name = 'ClioReauthorizationRequiredError';
}

/** Error for a Clio 429 response; `retryAfterSeconds` comes from its Retry-After header. */
export class ClioRateLimitError extends Error {
  override name = 'ClioRateLimitError';
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

/** Error for a Clio response with an error status other than 401 and 429. */
export class ClioHttpError extends Error {
  override name = 'ClioHttpError';
  constructor(message: string, readonly status: number) {
    super(message);
  }

  /** True for 404: the record does not exist or is not visible to the connected user. */
  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** True when a later attempt may succeed: 5xx, 408 and 409. */
  get isTransient(): boolean {
    return this.status >= 500 || this.status === 408 || this.status === 409;
  }
}
