import type { BaselineResult } from './baseline-sync';
import type { FinishedSyncRun, SyncPhases } from './casebridge-sync';
import { describeCodeVersion, describeMachine, markdownTable, secondsText } from './report';
import type { RunCost } from './run-cost';

/** Goal: a CaseBridge full sync takes at most this many times the plain loop's wall time. */
export const MAX_RATIO = 1.25;
/** Goal: the worker's peak RSS at the largest size stays within this factor of the smallest size's. */
export const MAX_MEMORY_GROWTH = 1.1;

/** One CaseBridge sync and one baseline sync of the same matters, in the same stack. */
export interface RoundResult {
  round: number;
  caseBridgeFirst: boolean;
  caseBridge: RunCost;
  baseline: RunCost;
  run: FinishedSyncRun;
  phases: SyncPhases;
  baselineResult: BaselineResult;
  projects: { caseBridge: number; baseline: number };
}

/** Every round of one size, with the worker's memory and the machine's load around them. */
export interface SizeResult {
  matters: number;
  rounds: RoundResult[];
  idleRssMiB: number;
  /** Highest worker RSS sampled during any CaseBridge sync of this size. */
  peakRssMiB: number;
  /** One-minute load averages before the first round and after the last. */
  load: { before: number; after: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const wallRatio = (round: RoundResult) => round.caseBridge.wallMs / round.baseline.wallMs;
const count = (value: number) => value.toLocaleString('en-US');
const cpuText = (seconds: number) => `${seconds.toFixed(1)} s`;

/** Returns the median over rounds of CaseBridge's wall time divided by the baseline's. */
export function medianRatio(result: SizeResult): number {
  return median(result.rounds.map(wallRatio));
}

function summaryTable(results: SizeResult[]): string {
  return markdownTable([
    ['matters', 'rounds', 'CaseBridge (median)', 'baseline (median)', 'ratio (median)', 'ratio of fastest', 'client CPU ratio', 'stack CPU ratio', 'worker RSS idle', 'worker RSS peak', 'load before / after'],
    ...results.map((result) => [
      count(result.matters),
      String(result.rounds.length),
      secondsText(median(result.rounds.map((round) => round.caseBridge.wallMs))),
      secondsText(median(result.rounds.map((round) => round.baseline.wallMs))),
      medianRatio(result).toFixed(2),
      (Math.min(...result.rounds.map((round) => round.caseBridge.wallMs)) / Math.min(...result.rounds.map((round) => round.baseline.wallMs))).toFixed(2),
      median(result.rounds.map((round) => round.caseBridge.clientCpuSeconds / round.baseline.clientCpuSeconds)).toFixed(2),
      median(result.rounds.map((round) => round.caseBridge.stackCpuSeconds / round.baseline.stackCpuSeconds)).toFixed(2),
      `${result.idleRssMiB.toFixed(0)} MiB`,
      `${result.peakRssMiB.toFixed(0)} MiB`,
      `${result.load.before.toFixed(1)} / ${result.load.after.toFixed(1)}`,
    ]),
  ]);
}

function roundsTable(results: SizeResult[]): string {
  return markdownTable([
    ['matters', 'round', 'first', 'CaseBridge', 'baseline', 'ratio', 'worker CPU', 'baseline CPU', 'stack CPU', 'in activities', 'workflow and queue', 'requests', 'projects'],
    ...results.flatMap((result) => result.rounds.map((round) => [
      count(result.matters),
      String(round.round),
      round.caseBridgeFirst ? 'CaseBridge' : 'baseline',
      secondsText(round.caseBridge.wallMs),
      secondsText(round.baseline.wallMs),
      wallRatio(round).toFixed(2),
      cpuText(round.caseBridge.clientCpuSeconds),
      cpuText(round.baseline.clientCpuSeconds),
      `${cpuText(round.caseBridge.stackCpuSeconds)} / ${cpuText(round.baseline.stackCpuSeconds)}`,
      secondsText(round.phases.activityMs),
      secondsText(round.phases.queueWaitMs + round.phases.otherMs),
      `${round.run.requests} / ${round.baselineResult.requests}`,
      `${count(round.projects.caseBridge)} / ${count(round.projects.baseline)}`,
    ])),
  ]);
}

function cpuTable(results: SizeResult[]): string {
  const cell = (rounds: RoundResult[], pick: (round: RoundResult) => number) => cpuText(median(rounds.map(pick)));
  return markdownTable([
    ['matters', 'sync', 'sync code', 'Temporal server', 'database', 'sandbox', 'all'],
    ...results.flatMap(({ matters, rounds }) => [
      [count(matters), 'CaseBridge', `${cell(rounds, (r) => r.caseBridge.cpuByProcess.worker)} (worker)`, cell(rounds, (r) => r.caseBridge.cpuByProcess.temporal),
        cell(rounds, (r) => r.caseBridge.cpuByProcess.database), cell(rounds, (r) => r.caseBridge.cpuByProcess.sandbox), cell(rounds, (r) => r.caseBridge.stackCpuSeconds)],
      [count(matters), 'baseline', `${cell(rounds, (r) => r.baseline.cpuByProcess.benchmark)} (benchmark process)`, cell(rounds, (r) => r.baseline.cpuByProcess.temporal),
        cell(rounds, (r) => r.baseline.cpuByProcess.database), cell(rounds, (r) => r.baseline.cpuByProcess.sandbox), cell(rounds, (r) => r.baseline.stackCpuSeconds)],
    ]),
  ]);
}

/** Formats the full-sync results as the Markdown section of docs/benchmarks.md. */
export function fullSyncMarkdown(results: SizeResult[], command: string): string {
  const smallest = results[0];
  const largest = results[results.length - 1];
  const growth = largest.peakRssMiB / smallest.peakRssMiB;
  const worstRatio = Math.max(...results.map(medianRatio));
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} at ${describeCodeVersion()} on ${describeMachine()}, with \`${command}\`.`,
    '',
    summaryTable(results),
    '',
    'Each round; a cell with two values gives CaseBridge / baseline:',
    '',
    roundsTable(results),
    '',
    'CPU time by process, median over rounds (the worker figure includes its tsx launcher):',
    '',
    cpuTable(results),
    '',
    `- Ratio goal (median at most ${MAX_RATIO} at every size): ${worstRatio <= MAX_RATIO ? 'met' : 'missed'}, worst median ${worstRatio.toFixed(2)}.`,
    `- Memory goal (worker peak RSS at ${count(largest.matters)} matters within ${MAX_MEMORY_GROWTH}× of ${count(smallest.matters)}): ${growth <= MAX_MEMORY_GROWTH ? 'met' : 'missed'}, ${growth.toFixed(2)}×.`,
  ].join('\n');
}
