/**
 * Full-sync benchmark. For each size, a fresh stack syncs that many sandbox matters in rounds.
 * A round syncs once through CaseBridge (integration workflow, sync child workflow, worker
 * process) and once with a plain in-process loop that makes the same Clio requests and bulk
 * upserts. Each sync writes into a new firm, so both start from no projects, and rounds
 * alternate which sync goes first.
 *
 *   npx tsx bench/full-sync.ts [--sizes 10000,50000] [--rounds 3] [--record] [--cpu-prof]
 *
 * --record writes the results into docs/benchmarks.md; --cpu-prof writes a CPU profile of the
 * worker to .stack/profiles/ (summarize it with bench/cpu-profile-summary.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Project } from '../lib/models';
import { grantBaselineAccess, runBaselineSync } from './support/baseline-sync';
import { withBenchSession, type BenchSession } from './support/bench-session';
import { connectFirm, describeSyncPhases, runFullSync } from './support/casebridge-sync';
import { fullSyncMarkdown, medianRatio, type RoundResult, type SizeResult } from './support/full-sync-report';
import { RssSampler, residentKiB } from './support/processes';
import { secondsText, writeDocSection } from './support/report';
import { createAccount } from './support/sandbox-admin';
import { measureCost } from './support/run-cost';
import { SYNC_WINDOW_FILE, monotonicMicros, type SyncWindow } from './support/sync-window';

/** Maximum wait for one CaseBridge full sync. */
const SYNC_TIMEOUT_MS = 30 * 60_000;
/**
 * Matters of the warm-up account, synced both ways before the measured rounds, so that neither
 * the first measured sync nor its rival pays for the JIT warm-up of the database, sandbox and worker.
 */
const WARM_UP_MATTERS = 2_000;

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,50000' },
    rounds: { type: 'string', default: '3' },
    record: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
  },
});

function parseCount(name: string, text: string, max: number): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`Invalid --${name} value ${text}: give whole numbers from 1 to ${max}`);
  }
  return value;
}

/**
 * Counts a firm's projects, then deletes every project. mongo-java-server's in-memory backend
 * runs the per-page `$in` lookup of existing projects as a scan of the whole collection (about
 * 0.5 ms per 1,000 projects on the benchmark machine), so each sync starts from an empty collection.
 */
async function countAndClearProjects(firmId: string): Promise<number> {
  const projects = await Project.countDocuments({ firmId });
  await Project.deleteMany({});
  return projects;
}

/** Runs one CaseBridge full sync of a new firm, sampling the worker's RSS meanwhile. */
async function syncWithCaseBridge(session: BenchSession, firmId: string, sampler: RssSampler, windows: SyncWindow[]) {
  const { stack, client, credentials } = session;
  const handle = await connectFirm({ client, credentials, sandboxUrl: stack.sandboxUrl, firmId });
  const fromMicros = monotonicMicros();
  sampler.start();
  try {
    const { value: run, cost } = await measureCost(stack.workerPid, () => runFullSync(handle, SYNC_TIMEOUT_MS));
    sampler.stop();
    if (run.state !== 'completed') {
      throw new Error(`The CaseBridge full sync of firm ${firmId} failed: ${run.error ?? 'no error recorded'}`);
    }
    windows.push({ fromMicros, toMicros: monotonicMicros() });
    return { run, cost, phases: await describeSyncPhases(client, firmId, run._id), projects: await countAndClearProjects(firmId) };
  } finally {
    sampler.stop();
  }
}

/** Runs the plain loop into a new firm. */
async function syncWithBaseline(session: BenchSession, firmId: string) {
  const accessToken = await grantBaselineAccess(session.stack.sandboxUrl);
  const { value, cost } = await measureCost('self', () => runBaselineSync(session.stack.sandboxUrl, accessToken, firmId));
  return { result: value, cost, projects: await countAndClearProjects(firmId) };
}

async function warmUp(session: BenchSession): Promise<void> {
  const { stack, client, credentials } = session;
  const accountId = await createAccount(stack.sandboxUrl, WARM_UP_MATTERS, 'warm-up');
  const handle = await connectFirm({ client, credentials, sandboxUrl: stack.sandboxUrl, firmId: 'bench-warm-up-casebridge', accountId });
  await runFullSync(handle, SYNC_TIMEOUT_MS);
  await runBaselineSync(stack.sandboxUrl, await grantBaselineAccess(stack.sandboxUrl, accountId), 'bench-warm-up-baseline');
  await Project.deleteMany({});
}

async function measureRound(session: BenchSession, matters: number, round: number, sampler: RssSampler, windows: SyncWindow[]): Promise<RoundResult> {
  const caseBridgeFirm = `bench-casebridge-${matters}-${round}`;
  const baselineFirm = `bench-baseline-${matters}-${round}`;
  const caseBridgeFirst = round % 2 === 0;
  let baseline: Awaited<ReturnType<typeof syncWithBaseline>>;
  let caseBridge: Awaited<ReturnType<typeof syncWithCaseBridge>>;
  if (caseBridgeFirst) {
    caseBridge = await syncWithCaseBridge(session, caseBridgeFirm, sampler, windows);
    baseline = await syncWithBaseline(session, baselineFirm);
  } else {
    baseline = await syncWithBaseline(session, baselineFirm);
    caseBridge = await syncWithCaseBridge(session, caseBridgeFirm, sampler, windows);
  }
  if (caseBridge.projects !== matters || baseline.projects !== matters) {
    throw new Error(`Round ${round} wrote ${caseBridge.projects} projects through CaseBridge and ${baseline.projects} in the baseline, expected ${matters} each`);
  }
  return {
    round,
    caseBridgeFirst,
    caseBridge: caseBridge.cost,
    baseline: baseline.cost,
    run: caseBridge.run,
    phases: caseBridge.phases,
    baselineResult: baseline.result,
    projects: { caseBridge: caseBridge.projects, baseline: baseline.projects },
  };
}

async function measureSize(matters: number, rounds: number, profileDir: string | null): Promise<SizeResult> {
  return withBenchSession({ matters, workerProfileDir: profileDir ?? undefined }, async (session) => {
    const sampler = new RssSampler(session.stack.workerPid);
    const windows: SyncWindow[] = [];
    const idleRssMiB = (residentKiB(session.stack.workerPid) ?? 0) / 1024;
    await warmUp(session);
    const loadBefore = os.loadavg()[0];
    const results: RoundResult[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      const result = await measureRound(session, matters, round, sampler, windows);
      console.log(`full-sync: ${matters} matters, round ${round}: CaseBridge ${secondsText(result.caseBridge.wallMs)}, baseline ${secondsText(result.baseline.wallMs)}`);
      results.push(result);
    }
    if (profileDir) {
      // The profile summary counts samples from the first sync's start to the last sync's end.
      const span: SyncWindow = { fromMicros: windows[0].fromMicros, toMicros: windows[windows.length - 1].toMicros };
      writeFileSync(path.join(profileDir, SYNC_WINDOW_FILE), JSON.stringify(span));
    }
    return { matters, rounds: results, idleRssMiB, peakRssMiB: sampler.stop(), load: { before: loadBefore, after: os.loadavg()[0] } };
  });
}

async function main(): Promise<void> {
  const sizes = (options.sizes ?? '').split(',').map((size) => parseCount('sizes', size, 200_000));
  const rounds = parseCount('rounds', options.rounds ?? '', 20);
  const results: SizeResult[] = [];
  for (const matters of sizes) {
    const profileDir = options['cpu-prof'] ? path.resolve('.stack', 'profiles', `full-sync-${matters}-${Date.now()}`) : null;
    if (profileDir) {
      mkdirSync(profileDir, { recursive: true });
    }
    console.log(`full-sync: ${matters} matters, ${rounds} rounds on a fresh stack${profileDir ? `; worker CPU profile in ${profileDir}` : ''}`);
    const result = await measureSize(matters, rounds, profileDir);
    console.log(`full-sync: ${matters} matters: median ratio ${medianRatio(result).toFixed(2)}, worker peak RSS ${result.peakRssMiB.toFixed(0)} MiB`);
    results.push(result);
  }

  const command = `npx tsx bench/full-sync.ts ${process.argv.slice(2).join(' ')}`.trim();
  const markdown = fullSyncMarkdown(results, command);
  console.log(`\n${markdown}`);
  if (options.record) {
    writeDocSection('full-sync', markdown);
    console.log('full-sync: results written to docs/benchmarks.md');
  }
}

main().catch((error: unknown) => {
  console.error(`full-sync failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
