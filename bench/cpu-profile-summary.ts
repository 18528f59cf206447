/**
 * Prints where a V8 CPU profile (from `node --cpu-prof`) spent its time: self time per function
 * and per source file or package, largest first. When the profile's folder contains the sync
 * window written by bench/full-sync.ts --cpu-prof, only samples inside that window count.
 *
 *   npx tsx bench/cpu-profile-summary.ts FILE.cpuprofile [--top 25]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SYNC_WINDOW_FILE, type SyncWindow } from './support/sync-window';

/** The parts of the .cpuprofile format (Chrome DevTools protocol Profiler.Profile) read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });

/** Groups a script URL by package (the part after the last node_modules) or by project file. */
function fileGroup(url: string): string {
  if (!url) {
    return '(native or V8 internal)';
  }
  const packagePath = url.split('node_modules/').pop() ?? url;
  if (packagePath !== url) {
    const [scope, name] = packagePath.split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  return url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
}

function printTop(title: string, totals: Map<string, number>, totalMs: number, top: number): void {
  console.log(`\n${title}`);
  const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [name, ms] of sorted) {
    console.log(`${(ms / 1000).toFixed(2).padStart(8)} s ${((ms / totalMs) * 100).toFixed(1).padStart(5)} %  ${name}`);
  }
}

function main(): void {
  const file = positionals[0];
  if (!file) {
    throw new Error('Missing profile path: give a .cpuprofile file written by node --cpu-prof');
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

  const windowFile = path.join(path.dirname(file), SYNC_WINDOW_FILE);
  const window: SyncWindow = existsSync(windowFile)
    ? (JSON.parse(readFileSync(windowFile, 'utf8')) as SyncWindow)
    : { fromMicros: profile.startTime, toMicros: profile.endTime };
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();

  let sampledAt = profile.startTime;
  // timeDeltas[i] is the time before sample i, so it is charged to the frame of sample i.
  profile.samples.forEach((nodeId, index) => {
    const frame = nodes.get(nodeId);
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    sampledAt += profile.timeDeltas[index] ?? 0;
    if (!frame || sampledAt < window.fromMicros || sampledAt > window.toMicros) {
      return;
    }
    const where = frame.url ? `${fileGroup(frame.url)}:${frame.lineNumber + 1}` : fileGroup('');
    const name = `${frame.functionName || '(anonymous)'} ${where}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byFile.set(fileGroup(frame.url), (byFile.get(fileGroup(frame.url)) ?? 0) + ms);
  });

  const totalMs = (Math.min(window.toMicros, profile.endTime) - Math.max(window.fromMicros, profile.startTime)) / 1000;
  const idleMs = byFunction.get(`(idle) ${fileGroup('')}`) ?? 0;
  console.log(`${file}: ${(totalMs / 1000).toFixed(1)} s of wall time summarized, ${((totalMs - idleMs) / 1000).toFixed(1)} s of it on the main thread's CPU`);
  const top = Number(options.top);
  printTop('Self time by function', byFunction, totalMs, top);
  printTop('Self time by file or package', byFile, totalMs, top);
}

try {
  main();
} catch (error) {
  console.error(`cpu-profile-summary failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
