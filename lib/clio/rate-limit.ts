/**
 * Clio's rate-limit state for one access token, read from the X-RateLimit-Remaining and
 * X-RateLimit-Reset headers of every response. Before each request the client waits out the
 * window when nothing remains, so a sync stays under the limit instead of collecting 429s.
 */
export class RateLimitPacer {
  private remaining: number | null = null;
  private resetAtMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Records the headers of a response. */
  observe(headers: Headers): void {
    const remaining = Number(headers.get('x-ratelimit-remaining'));
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (headers.has('x-ratelimit-remaining') && Number.isFinite(remaining)) {
      this.remaining = remaining;
    }
    if (headers.has('x-ratelimit-reset') && Number.isFinite(reset)) {
      this.resetAtMs = reset * 1000;
    }
  }

  /** Records a 429 whose Retry-After gives the earliest time for the next request. */
  blockFor(seconds: number): void {
    this.remaining = 0;
    this.resetAtMs = Math.max(this.resetAtMs, this.now() + seconds * 1000);
  }

  /** Returns how long to wait before the next request: zero unless the window is used up. */
  delayMs(): number {
    if (this.remaining === null || this.remaining > 0) {
      return 0;
    }
    return Math.max(0, this.resetAtMs - this.now());
  }

  /** Counts a request about to be sent against the window. */
  consume(): void {
    if (this.remaining !== null && this.remaining > 0) {
      this.remaining -= 1;
    }
  }
}

/** One pacer per firm in this process, because Clio counts the limit per access token. */
export class RateLimitPacers {
  private readonly pacers = new Map<string, RateLimitPacer>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Returns the firm's pacer, creating it on first use. */
  forFirm(firmId: string): RateLimitPacer {
    let pacer = this.pacers.get(firmId);
    if (!pacer) {
      pacer = new RateLimitPacer(this.now);
      this.pacers.set(firmId, pacer);
    }
    return pacer;
  }
}
