import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/stack/processes';

const WORKER_ENTRY = path.join(ROOT, 'worker', 'main.ts');

/** Clock ticks per second of the utime and stime fields in /proc/<pid>/stat. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** Returns the fields of /proc/<pid>/stat after the command name, or null when the process is gone. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in brackets may contain spaces, so fields are counted after its closing bracket.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function parentPid(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : null;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

function allPids(): number[] {
  return readdirSync('/proc').map(Number).filter((pid) => Number.isInteger(pid));
}

/** Returns how many parent steps lead from `pid` to this process, or null when it is not a descendant. */
function depthBelowSelf(pid: number): number | null {
  let current: number | null = pid;
  for (let depth = 0; current !== null && current > 1 && depth < 16; depth += 1) {
    if (current === process.pid) {
      return depth;
    }
    current = parentPid(current);
  }
  return null;
}

/**
 * Finds the worker's Node process among this process's descendants. tsx starts the script in a
 * child Node process, so the deepest process whose command line names worker/main.ts is the worker.
 */
export function findWorkerPid(): number {
  let best: { pid: number; depth: number } | null = null;
  for (const pid of allPids()) {
    if (!commandLine(pid).includes(WORKER_ENTRY)) {
      continue;
    }
    const depth = depthBelowSelf(pid);
    if (depth !== null && (!best || depth > best.depth)) {
      best = { pid, depth };
    }
  }
  if (!best) {
    throw new Error(`No process running ${WORKER_ENTRY} was found below process ${process.pid}`);
  }
  return best.pid;
}

/** Returns the user plus system CPU time of a process (all its threads) in seconds, or 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat, so 11 and 12 after the command name.
  return fields ? (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS : 0;
}

/** The servers of a benchmark stack, for CPU time by process. */
export type StackComponent = 'worker' | 'temporal' | 'database' | 'sandbox' | 'other';

function componentOf(pid: number): StackComponent {
  const command = commandLine(pid);
  if (command.includes(WORKER_ENTRY)) return 'worker';
  if (command.includes(path.join(ROOT, 'sandbox', 'main.ts'))) return 'sandbox';
  if (command.includes('server start-dev')) return 'temporal';
  if (command.includes('Launcher.java')) return 'database';
  return 'other';
}

/**
 * Returns the CPU seconds of every process below this one by component: the worker and the
 * sandbox with their tsx launchers, the Temporal dev server and the database. Processes that
 * already ended are not counted.
 */
export function descendantsCpuSeconds(): Record<StackComponent, number> {
  const totals: Record<StackComponent, number> = { worker: 0, temporal: 0, database: 0, sandbox: 0, other: 0 };
  for (const pid of allPids()) {
    if (pid !== process.pid && depthBelowSelf(pid) !== null) {
      totals[componentOf(pid)] += cpuSeconds(pid);
    }
  }
  return totals;
}

/** Reads VmRSS of a process in KiB, or null when the process is gone. */
export function residentKiB(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Peak resident memory of one process, read from /proc every `intervalMs` while running. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  private peakKiB = 0;

  constructor(private readonly pid: number, private readonly intervalMs = 200) {}

  /** Starts sampling, first sample now. */
  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  /** Stops sampling after a last sample, and returns the peak in MiB. Calling it again changes nothing. */
  stop(): number {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
      this.sample();
    }
    return this.peakKiB / 1024;
  }

  private sample(): void {
    this.peakKiB = Math.max(this.peakKiB, residentKiB(this.pid) ?? 0);
  }
}
