import type { AddressInfo } from 'node:net';
import { createSandboxApp } from './app';
import { resolveOptions, type SandboxOptions } from './options';
import { SandboxStore } from './store/sandbox-store';

export type { SandboxOptions } from './options';
export type { SandboxStore } from './store/sandbox-store';

/** A running sandbox. */
export interface RunningSandbox {
  /** Base URL without a trailing slash, such as `http://127.0.0.1:4100`. Regions are paths below it. */
  url: string;
  port: number;
  /** Id of the account created at start, or null when `defaultAccount` was null. */
  defaultAccountId: number | null;
  /** Stops listening, ends open connections and resolves when the server has closed. */
  close(): Promise<void>;
  /** The sandbox's data, for tests that inspect or change it directly. */
  store: SandboxStore;
}

/**
 * Starts a Clio API v4 simulator on 127.0.0.1. It serves the OAuth endpoints and the API of all
 * four regions under `/us`, `/eu`, `/ca` and `/au`, and an admin API under `/_admin`.
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const resolved = resolveOptions(options);
  const store = new SandboxStore({
    now: resolved.now,
    accessTokenTtlSeconds: resolved.accessTokenTtlSeconds,
    rateLimit: resolved.rateLimit,
  });
  const defaultAccount = resolved.defaultAccount
    ? store.createAccount({
        region: resolved.defaultAccount.region ?? 'us',
        matters: resolved.defaultAccount.matters,
        seed: resolved.defaultAccount.seed,
        name: resolved.defaultAccount.name,
      })
    : null;

  const app = createSandboxApp(store, resolved);
  const server = app.listen(resolved.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  resolved.logger.info({ port, defaultAccountId: defaultAccount?.id ?? null }, 'Clio sandbox started');

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    defaultAccountId: defaultAccount?.id ?? null,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) {
            reject(error);
            return;
          }
          resolved.logger.info({ port }, 'Clio sandbox stopped');
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
