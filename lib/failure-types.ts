/**
 * ApplicationFailure types shared by activities, which raise them, and workflows, which branch
 * on them. Pure data, so the workflow sandbox may import it.
 */
export const FAILURE_TYPES = {
  /** Clio refused the grant; only the firm reconnecting helps. Non-retryable. */
  reauthorizationRequired: 'ClioReauthorizationRequired',
  /** Clio returned 429; retried after its Retry-After. */
  rateLimited: 'ClioRateLimited',
  /** Clio has no such matter, or the connected user cannot see it. Non-retryable. */
  matterNotFound: 'ClioMatterNotFound',
  /** Clio rejected the request itself (400, 403, 410, 422). Non-retryable. */
  clioRequestRejected: 'ClioRequestRejected',
  /** The firm has no stored Clio credentials: it never connected or has disconnected. Non-retryable. */
  clioNotConnected: 'ClioNotConnected',
} as const;
