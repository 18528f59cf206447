import * as m from '../../workflows/messages';

/** Polls `read` every `intervalMs` until `done` holds, failing with the last value after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Condition not reached in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Polls an integration workflow's status query until `predicate` holds, for at most 20 s of real time. */
export function waitForState(
  handle: { query: (query: typeof m.statusQuery) => Promise<m.IntegrationState> },
  predicate: (state: m.IntegrationState) => boolean,
): Promise<m.IntegrationState> {
  return eventually(() => handle.query(m.statusQuery), predicate, 20_000, 50);
}

/** Creates a gate that Clio activities await, so a test can keep a sync running until it calls release(). */
export function createSyncGate(): { gate: () => Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  let closed = new Promise<void>((resolve) => { release = resolve; });
  return {
    gate: () => closed,
    release: () => {
      release();
      closed = Promise.resolve();
    },
  };
}
