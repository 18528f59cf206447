import { createRandom, type Random } from '../../../sandbox/data/random';
import { recordFigures } from './figures';
import {
  MATTERS, readIntegrationStatus, readProjectFigures, requestFullSync, waitForPages, waitForSyncRunEnd,
  type FaultSession, type ProjectFigures, type SyncRunView,
} from './fault-session';

/** Seed of the random fault points, so every run faults at the same places. The FAULT_SEED variable picks others. */
export const FAULT_SEED = parseSeed(process.env.FAULT_SEED ?? '20241205');

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0) {
    throw new Error(`Invalid FAULT_SEED ${JSON.stringify(text)}: give a whole number of 0 or more`);
  }
  return seed;
}

/** Maximum wait for a full sync under a fault, far above any run measured (docs/faults.md). */
const SYNC_TIMEOUT_MS = 90 * 60_000;

/** Maximum wait for a sync run to reach the page of a fault point. */
const PAGE_TIMEOUT_MS = 30 * 60_000;

/** What a fault did during the sync, as the test that caused it counts it. */
export interface FaultReport {
  /** Kills, stops or restarts of a server, 0 for faults injected by the sandbox. */
  restarts: number;
  /** Milliseconds a server was down in all, from its signal to the end of its restart. */
  downMs: number;
  /** Storms of 429 responses the sandbox sent. */
  storms: number;
}

/** 5xx and 429 responses the sandbox injected into the sync. */
export interface InjectedAnswers {
  injected5xx: number;
  injected429: number;
}

/** A fault test's way of disturbing a full sync. */
export interface FaultPlan {
  /** Short name for docs/faults.md, such as "worker SIGKILL". */
  fault: string;
  /** Runs the fault while the sync goes and reports what it did. */
  inject(syncRunId: string): Promise<FaultReport>;
  /** Counts the responses the sandbox injected, once the run has finished. Without it the counts are 0. */
  countInjected?(): Promise<InjectedAnswers>;
}

/** How a full sync under a fault ended. */
export interface SyncOutcome extends FaultReport, InjectedAnswers {
  run: SyncRunView;
  syncSeconds: number;
  projects: ProjectFigures;
  integrationBefore: string;
  integrationAfter: string;
}

/** A point of a full sync: once the run has recorded `page` pages, `delayMs` later. */
export interface FaultPoint {
  page: number;
  delayMs: number;
}

/**
 * Draws `count` fault points from `random`, with pages from `fromPage` to below `toPage`, sorted
 * by page. A delay of up to `maxDelayMs` after the page lets a fault land inside a page as well as
 * between two pages.
 */
export function drawFaultPoints(random: Random, count: number, fromPage: number, toPage: number, maxDelayMs: number): FaultPoint[] {
  const points = Array.from({ length: count }, () => ({
    page: fromPage + Math.floor(random() * (toPage - fromPage)),
    delayMs: Math.floor(random() * maxDelayMs),
  }));
  return points.sort((a, b) => a.page - b.page);
}

/**
 * Draws how long a stopped server stays down before its restart: from 2 to 20 s, longer than
 * the database driver's 10 s server selection timeout half of the time.
 */
export function drawOutageMs(random: Random): number {
  return 2_000 + Math.floor(random() * 18_000);
}

/** Returns a generator seeded with {@link FAULT_SEED} and `salt`, so each test draws its own points. */
export function seededRandom(salt: number): Random {
  return createRandom(FAULT_SEED + salt);
}

/**
 * Waits until the sync run reaches `point`. Returns false, without waiting for the delay, when the
 * run has already finished, so a caller can tell that the fault came too late.
 */
export async function reachFaultPoint(syncRunId: string, point: FaultPoint): Promise<boolean> {
  const reached = await waitForPages(syncRunId, point.page, PAGE_TIMEOUT_MS);
  if (reached.finished) {
    return false;
  }
  await new Promise((resolve) => setTimeout(resolve, point.delayMs));
  return true;
}

/** A server a restart test stops and starts again, such as the stack's database or Temporal server. */
export interface RestartTarget {
  /** Names the server in the test's log line. */
  name: string;
  /** Stops the server and resolves once it has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port and file. */
  start(): Promise<void>;
}

/**
 * Returns the fault of a restart test: at one random point between pages 5 and 35 it stops the
 * server, keeps it down for a random 2 to 20 s and starts it again. `salt` draws the test's own
 * point and outage.
 */
export function restartOnce(target: RestartTarget, salt: number): (syncRunId: string) => Promise<FaultReport> {
  return async (syncRunId) => {
    const random = seededRandom(salt);
    const [point] = drawFaultPoints(random, 1, 5, 35, 1_500);
    const outageMs = drawOutageMs(random);
    const report: FaultReport = { restarts: 0, downMs: 0, storms: 0 };
    if (!(await reachFaultPoint(syncRunId, point))) {
      return report;
    }
    const stoppedAt = Date.now();
    await target.stop();
    await new Promise((resolve) => setTimeout(resolve, outageMs));
    await target.start();
    report.restarts = 1;
    report.downMs = Date.now() - stoppedAt;
    console.log(`${target.name} stopped at page ${point.page} + ${point.delayMs} ms; down for ${outageMs} ms, restarted after ${report.downMs} ms`);
    return report;
  };
}

/**
 * Requests a full sync through the API, runs the plan's fault while it goes, waits until the run
 * has finished and reads what it left: the projects, the run and the integration's status. The
 * figures go to docs/faults.md through {@link recordFigures}.
 */
export async function runFullSyncUnderFault(session: FaultSession, plan: FaultPlan): Promise<SyncOutcome> {
  const integrationBefore = await readIntegrationStatus(session);
  const requestedAt = Date.now();
  const syncRunId = await requestFullSync(session);
  const report = await plan.inject(syncRunId);
  const run = await waitForSyncRunEnd(session, syncRunId, SYNC_TIMEOUT_MS);
  const syncSeconds = (Date.now() - requestedAt) / 1000;
  const injected = plan.countInjected ? await plan.countInjected() : { injected5xx: 0, injected429: 0 };
  const projects = await readProjectFigures();
  const integrationAfter = await readIntegrationStatus(session);
  recordFigures({
    fault: plan.fault,
    ...projects,
    syncState: run.state,
    syncSeconds,
    restarts: report.restarts,
    downSeconds: report.downMs / 1000,
    storms: report.storms,
    ...injected,
    pages: run.pages,
    requests: run.requests,
    rateLimited: run.rateLimited,
    integrationBefore,
    integrationAfter,
  });
  return { ...report, ...injected, run, syncSeconds, projects, integrationBefore, integrationAfter };
}

/** Checks what every fault test requires: one project per matter, the run completed, the integration as before. */
export function expectSyncSurvived(outcome: SyncOutcome): void {
  expect(outcome.run.state).toBe('completed');
  expect(outcome.run.error).toBeNull();
  expect(outcome.projects.projects).toBe(MATTERS);
  expect(outcome.projects.distinctMatters).toBe(MATTERS);
  expect(outcome.projects.duplicatedMatters).toBe(0);
  expect(outcome.integrationAfter).toBe(outcome.integrationBefore);
}
