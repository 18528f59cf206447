import { cpuSeconds, descendantsCpuSeconds, type StackComponent } from './processes';

/** Cost of one sync: wall time, and CPU time of the syncing process and of every process involved. */
export interface RunCost {
  wallMs: number;
  /** CPU seconds of the process that ran the sync code: the worker, or this process for the baseline. */
  clientCpuSeconds: number;
  /** CPU seconds of the client plus the database, Temporal and the sandbox (and their launchers). */
  stackCpuSeconds: number;
  /** CPU seconds by process. `benchmark` is this process, which counts for the baseline only. */
  cpuByProcess: Record<StackComponent | 'benchmark', number>;
}

function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/**
 * Runs `sync` and measures its cost. `client` is the pid of the process doing the sync, or
 * 'self' when this process does it. Only then does this process's CPU count in the stack, so its
 * polling while the worker syncs is left out.
 */
export async function measureCost<T>(client: number | 'self', sync: () => Promise<T>): Promise<{ value: T; cost: RunCost }> {
  const clientCpu = () => (client === 'self' ? ownCpuSeconds() : cpuSeconds(client));
  const stackCpu = () => ({ ...descendantsCpuSeconds(), benchmark: client === 'self' ? ownCpuSeconds() : 0 });
  const clientBefore = clientCpu();
  const stackBefore = stackCpu();
  const startedAt = performance.now();
  const value = await sync();
  const wallMs = performance.now() - startedAt;
  const stackAfter = stackCpu();
  const cpuByProcess = { ...stackAfter };
  for (const key of Object.keys(cpuByProcess) as (keyof typeof cpuByProcess)[]) {
    cpuByProcess[key] = stackAfter[key] - stackBefore[key];
  }
  const stackCpuSeconds = Object.values(cpuByProcess).reduce((total, seconds) => total + seconds, 0);
  return { value, cost: { wallMs, clientCpuSeconds: clientCpu() - clientBefore, stackCpuSeconds, cpuByProcess } };
}
