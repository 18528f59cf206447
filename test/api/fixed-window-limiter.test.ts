import { FixedWindowLimiter } from '../../api/middleware/fixed-window-limiter';

describe('FixedWindowLimiter', () => {
  test('allows the limit, then rejects', () => {
    const limiter = new FixedWindowLimiter({ limit: 2, windowMs: 1000 });

    const decisions = [0, 1, 2].map(() => limiter.consume('a', 0));

    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, false]);
    expect(decisions.map((decision) => decision.remaining)).toEqual([1, 0, 0]);
  });

  test('rounds Retry-After up to whole seconds', () => {
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 10_000 });
    limiter.consume('a', 0);

    expect(limiter.consume('a', 2_500).retryAfterSeconds).toBe(8);
    expect(limiter.consume('a', 9_999).retryAfterSeconds).toBe(1);
  });

  test('starts a new window after the old one ends', () => {
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 1000 });
    limiter.consume('a', 0);

    expect(limiter.consume('a', 1000).allowed).toBe(true);
  });

  test('reset forgets a key', () => {
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 1000 });
    limiter.consume('a', 0);
    limiter.reset('a');

    expect(limiter.consume('a', 0).allowed).toBe(true);
  });

  test('release takes back one event', () => {
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 1000 });
    limiter.consume('a', 0);
    limiter.release('a');

    expect(limiter.consume('a', 0).allowed).toBe(true);
    expect(limiter.consume('a', 0).allowed).toBe(false);
  });

  test('drops expired windows', () => {
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 1000 });
    for (let key = 0; key < 50; key++) {
      limiter.consume(`k${key}`, key);
    }

    limiter.consume('late', 2000);

    expect(limiter.size).toBe(1);
  });

  test('keeps at most maxKeys', () => {
    const limiter = new FixedWindowLimiter({ limit: 1, windowMs: 1000, maxKeys: 10 });
    for (let key = 0; key < 25; key++) {
      limiter.consume(`k${key}`, 0);
    }

    expect(limiter.size).toBe(10);
    expect(limiter.consume('k24', 0).allowed).toBe(false);
    expect(limiter.consume('k0', 0).allowed).toBe(true);
  });
});
