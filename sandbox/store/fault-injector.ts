import { createRandom, type Random } from '../data/random';

/** A burst of 429 responses that starts after a number of API requests. */
export interface RateLimitStorm {
  /** API requests that pass before the storm starts. */
  afterRequests: number;
  /** API requests that get 429 once the storm has started. */
  count: number;
  /** Seconds sent in the Retry-After header of each 429. */
  retryAfterSeconds: number;
}

/** Faults injected into the API requests of one account. */
export interface FaultSettings {
  rateLimitStorm: RateLimitStorm | null;
  /** Share of API requests, from 0 to 1, that get a 5xx error. */
  errorRatio: number;
  /** Seed of the sequence that picks the failing requests, so a test gets the same failures on every run. */
  errorSeed: number;
  /** Statuses that failing requests get, drawn from the same sequence. */
  errorStatuses: number[];
  /** Delay in milliseconds before the sandbox responds to each API request of the account. */
  latencyMs: number;
}

/** The outcome of one API request: passed on, rejected with 429, or failed with a 5xx error. */
export type FaultOutcome = { kind: 'pass' } | { kind: 'rate_limited'; retryAfterSeconds: number } | { kind: 'server_error'; status: number };

/** The faults of one account and how far its requests have gone through them. */
export interface FaultState {
  faults: FaultSettings;
  /** API requests of the account seen since the faults were set. */
  requestsSeen: number;
  /** 429 responses of the storm still to come. */
  stormAnswersLeft: number;
  /** Requests that got a 5xx error so far. */
  serverErrors: number;
}

interface ActiveFaults extends FaultState {
  random: Random;
}

/**
 * Injects faults per account: a storm of 429 responses, a share of 5xx responses picked by a seeded
 * sequence, and latency. Setting faults restarts the counts and the sequence.
 */
export class FaultInjector {
  private readonly byAccount = new Map<number, ActiveFaults>();

  /** Replaces the faults of an account and returns its state. */
  set(accountId: number, faults: FaultSettings): FaultState {
    const active: ActiveFaults = {
      faults,
      requestsSeen: 0,
      stormAnswersLeft: faults.rateLimitStorm?.count ?? 0,
      serverErrors: 0,
      random: createRandom(faults.errorSeed),
    };
    this.byAccount.set(accountId, active);
    return describe(active);
  }

  /** Removes the faults of an account and returns whether it had any. */
  clear(accountId: number): boolean {
    return this.byAccount.delete(accountId);
  }

  /** Returns the state of an account's faults, or null when it has none. */
  stateOf(accountId: number): FaultState | null {
    const active = this.byAccount.get(accountId);
    return active ? describe(active) : null;
  }

  /**
   * Counts one API request of the account and decides its fate, or returns null when the account
   * has no faults. Storm responses come first, and the 5xx sequence draws only for the other requests.
   */
  next(accountId: number): { outcome: FaultOutcome; latencyMs: number } | null {
    const active = this.byAccount.get(accountId);
    if (!active) return null;
    active.requestsSeen += 1;
    const { faults } = active;
    const storm = faults.rateLimitStorm;

    if (storm && active.requestsSeen > storm.afterRequests && active.stormAnswersLeft > 0) {
      active.stormAnswersLeft -= 1;
      return { outcome: { kind: 'rate_limited', retryAfterSeconds: storm.retryAfterSeconds }, latencyMs: faults.latencyMs };
    }
    if (faults.errorRatio > 0 && active.random() < faults.errorRatio) {
      const status = faults.errorStatuses[Math.floor(active.random() * faults.errorStatuses.length)] ?? 500;
      active.serverErrors += 1;
      return { outcome: { kind: 'server_error', status }, latencyMs: faults.latencyMs };
    }
    return { outcome: { kind: 'pass' }, latencyMs: faults.latencyMs };
  }
}

function describe(active: ActiveFaults): FaultState {
  return {
    faults: structuredClone(active.faults),
    requestsSeen: active.requestsSeen,
    stormAnswersLeft: active.stormAnswersLeft,
    serverErrors: active.serverErrors,
  };
}
