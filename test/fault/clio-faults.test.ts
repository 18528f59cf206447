import type { Random } from '../../sandbox/data/random';
import { FIRM, useFaultSession } from './support/fault-session';
import { expectSyncSurvived, runFullSyncUnderFault, seededRandom, type FaultReport, type InjectedAnswers } from './support/sync-under-fault';

/** Share of the firm's Clio requests that get a 500, 502 or 503 response from the sandbox. */
const ERROR_RATIO = 0.2;
/** 429 storms during the sync. */
const STORMS = 3;

const session = useFaultSession();

/** Sets the account's faults: 5xx responses at {@link ERROR_RATIO} and one storm of 429s at a random request. */
async function setFaults(random: Random): Promise<void> {
  const storm = { afterRequests: 5 + Math.floor(random() * 25), count: 5 + Math.floor(random() * 10), retryAfterSeconds: 1 + Math.floor(random() * 3) };
  const state = await session().sandboxAdmin('POST', `/accounts/${session().accountId}/faults`, {
    errorRatio: ERROR_RATIO,
    errorSeed: Math.floor(random() * 0xffffffff),
    rateLimitStorm: storm,
  });
  if (!state.faults) {
    throw new Error(`Setting the sandbox faults failed: ${JSON.stringify(state)}`);
  }
  console.log(`sandbox faults set: ${ERROR_RATIO * 100}% 5xx, a storm of ${storm.count} 429s with Retry-After ${storm.retryAfterSeconds} s after ${storm.afterRequests} requests`);
}

/** Waits until the storm has sent all its 429s. Returns false when the sync finished first. */
async function waitForStormEnd(syncRunId: string): Promise<boolean> {
  for (;;) {
    const state = await session().sandboxAdmin('GET', `/accounts/${session().accountId}/faults`);
    if (state.stormAnswersLeft === 0) {
      return true;
    }
    const run = await session().api('GET', `/api/firms/${FIRM.id}/sync-runs/${syncRunId}`);
    if (['completed', 'failed'].includes(run.body?.state)) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * Keeps the faults set before the sync for its whole length and sends two more storms of 429s.
 * Setting faults restarts the sandbox's fault counts, so each further storm comes with a new
 * setting once the last one is over.
 */
function sendStorms(random: Random) {
  return async (syncRunId: string): Promise<FaultReport> => {
    let storms = 0;
    while (await waitForStormEnd(syncRunId)) {
      storms += 1;
      if (storms === STORMS) {
        break;
      }
      await setFaults(random);
    }
    return { restarts: 0, downMs: 0, storms };
  };
}

/** Counts the sandbox's 5xx and 429 responses since the reset before the sync. The sandbox sends neither unless a test sets faults. */
async function countInjected(): Promise<InjectedAnswers> {
  const counts = await session().sandboxAdmin('GET', '/requests');
  const byStatus = Object.entries(counts.byStatus as Record<string, number>);
  return {
    injected5xx: byStatus.filter(([status]) => status.startsWith('5')).reduce((sum, [, count]) => sum + count, 0),
    injected429: counts.byStatus['429'] ?? 0,
  };
}

/**
 * Fails 20% of the firm's Clio requests with 5xx from the first request of the sync to its end,
 * and sends three storms of 429s. The injected responses are counted from the sandbox's request
 * counts by status, reset before the sync.
 * Each 429 uses up an activity attempt, so a 5xx after a storm backs off as far as the
 * activity's one-minute cap.
 */
test('full sync survives 5xx errors and 429 storms', async () => {
  const random = seededRandom(4);
  await session().sandboxAdmin('POST', '/requests/reset');
  await setFaults(random);

  const outcome = await runFullSyncUnderFault(session(), { fault: 'Clio 5xx and 429 storms', inject: sendStorms(random), countInjected });

  expect(outcome.integrationBefore).toBe('active');
  expect(outcome.storms).toBe(STORMS);
  expect(outcome.injected5xx).toBeGreaterThan(0);
  expect(outcome.injected429).toBeGreaterThan(0);
  expect(outcome.run.rateLimited).toBe(outcome.injected429);
  expectSyncSurvived(outcome);
});
