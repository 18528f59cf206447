import type { ChildServer } from '../../scripts/stack/processes';

/**
 * A server process of the test stack that a test may stop, crash and start again. Each start
 * runs `launch`, which reuses the first start's port and files, so the other processes reconnect.
 */
export class RestartableServer {
  private current: ChildServer | null = null;

  constructor(readonly name: string, private readonly launch: () => Promise<ChildServer>) {}

  /** Process id of the running process, or null while the server is stopped. */
  get pid(): number | null {
    return this.current?.pid ?? null;
  }

  /** Starts the server, or throws when it is already running. */
  async start(): Promise<void> {
    if (this.current) {
      throw new Error(`${this.name} is already running as process ${this.current.pid}; stop it before starting it again`);
    }
    this.current = await this.launch();
  }

  /** Stops the server with SIGTERM, and SIGKILL after a grace period. Does nothing when it is stopped. */
  async stop(): Promise<void> {
    await this.current?.stop();
    this.current = null;
  }

  /**
   * Sends `signal` to the running process and waits until it has exited. Throws when it is still
   * running after `exitTimeoutMs`, and stop() then ends it with SIGKILL.
   */
  async kill(signal: NodeJS.Signals, exitTimeoutMs = 60_000): Promise<void> {
    const current = this.current;
    if (!current) {
      throw new Error(`${this.name} is not running, so it cannot receive ${signal}`);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name} (process ${current.pid}) did not exit within ${exitTimeoutMs / 1000} s of ${signal}`)), exitTimeoutMs);
    });
    try {
      await Promise.race([current.kill(signal), timeout]);
    } finally {
      clearTimeout(timer);
    }
    this.current = null;
  }
}
