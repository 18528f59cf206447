/** The outcome of counting or checking one key. */
export interface LimitDecision {
  /** Whether the counted event is within the limit. */
  allowed: boolean;
  /** Events the key may still send in the current window. */
  remaining: number;
  /** Whole seconds until the current window ends; at least 1. */
  retryAfterSeconds: number;
}

/** Settings of a FixedWindowLimiter. */
export interface FixedWindowLimiterOptions {
  /** Events allowed per key and window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /**
   * Keys tracked at once; past it the oldest window is dropped, so memory stays bounded.
   * @default 100_000
   */
  maxKeys?: number;
}

interface Window {
  count: number;
  endsAt: number;
}

/**
 * Counts events per key in fixed windows that start at each key's first event, in this process's
 * memory. Every window has the same length, so the Map's insertion order is also the order in
 * which windows end, and expired windows are dropped from its front as new events arrive.
 */
export class FixedWindowLimiter {
  // NOTE: counts live in one process; several API processes each keep their own, so the effective limit multiplies.
  private readonly windows = new Map<string, Window>();
  private readonly maxKeys: number;

  constructor(private readonly options: FixedWindowLimiterOptions) {
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  /** Counts one event for `key` and returns the decision including it. */
  consume(key: string, now: number): LimitDecision {
    this.dropExpired(now);
    let window = this.windows.get(key);
    if (!window) {
      window = { count: 0, endsAt: now + this.options.windowMs };
      this.windows.set(key, window);
      this.dropOverflow();
    }
    window.count += 1;
    return this.decide(window, now);
  }

  /** Takes back one counted event of `key`, such as an attempt that turned out to succeed. */
  release(key: string): void {
    const window = this.windows.get(key);
    if (window && window.count > 0) {
      window.count -= 1;
    }
  }

  /** Forgets the events of `key`, as after a successful sign-in. */
  reset(key: string): void {
    this.windows.delete(key);
  }

  /** Number of keys tracked; windows that have ended are dropped at the next consume. */
  get size(): number {
    return this.windows.size;
  }

  private decide(window: Window, now: number): LimitDecision {
    return {
      allowed: window.count <= this.options.limit,
      remaining: Math.max(0, this.options.limit - window.count),
      retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)),
    };
  }

  private dropExpired(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.endsAt > now) {
        break;
      }
      this.windows.delete(key);
    }
  }

  private dropOverflow(): void {
    while (this.windows.size > this.maxKeys) {
      const oldest = this.windows.keys().next().value as string;
      this.windows.delete(oldest);
    }
  }
}
