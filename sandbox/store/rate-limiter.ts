/** A request limit per access token over a fixed window. */
export interface RateLimitSettings {
  /** Requests allowed per window. Clio's peak-hour default is 50. */
  limit: number;
  /** Window length in seconds. Clio uses 60. */
  windowSeconds: number;
}

/** Outcome of counting one request against its token's window. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds at which the current window ends. */
  resetAt: number;
  /** Seconds until the window ends, at least 1, sent as Retry-After on 429 responses. */
  retryAfterSeconds: number;
}

/**
 * Fixed-window request counter per access token. Windows start at multiples of the window length
 * since the Unix epoch, so every token's window resets at the same moment, as Clio's do.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { windowStart: number; used: number }>();

  constructor(private settings: RateLimitSettings | null) {}

  /** Returns the current settings, or null when limiting is off. */
  get current(): RateLimitSettings | null {
    return this.settings;
  }

  /** Replaces the settings and clears every count. */
  configure(settings: RateLimitSettings | null): void {
    this.settings = settings;
    this.windows.clear();
  }

  /** Counts one request of `token`, or returns null when limiting is off. */
  consume(token: string, nowMs: number): RateLimitDecision | null {
    if (!this.settings) return null;
    const windowMs = this.settings.windowSeconds * 1000;
    const windowStart = Math.floor(nowMs / windowMs) * windowMs;
    let window = this.windows.get(token);
    if (!window || window.windowStart !== windowStart) {
      window = { windowStart, used: 0 };
      this.windows.set(token, window);
    }

    const allowed = window.used < this.settings.limit;
    if (allowed) window.used += 1;
    const windowEnd = windowStart + windowMs;
    return {
      allowed,
      limit: this.settings.limit,
      remaining: this.settings.limit - window.used,
      resetAt: Math.ceil(windowEnd / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - nowMs) / 1000)),
    };
  }
}
