import { useFaultSession } from './support/fault-session';
import { drawFaultPoints, expectSyncSurvived, reachFaultPoint, runFullSyncUnderFault, seededRandom, type FaultReport } from './support/sync-under-fault';

/** SIGKILLs of the worker during one full sync. */
const KILLS = 10;

const session = useFaultSession();

/**
 * Kills the worker with SIGKILL at ten random points of the sync and starts it again at once.
 * The points lie before page 40 of the 50 a full sync reads, so each lands while the run still goes.
 * A kill inside a page leaves that page's attempt to the activity's 30-second heartbeat timeout.
 */
async function killWorkerTenTimes(syncRunId: string): Promise<FaultReport> {
  const { worker } = session().stack;
  const report: FaultReport = { restarts: 0, downMs: 0, storms: 0 };
  for (const point of drawFaultPoints(seededRandom(1), KILLS, 0, 40, 1_500)) {
    if (!(await reachFaultPoint(syncRunId, point))) {
      break;
    }
    const killedAt = Date.now();
    await worker.kill('SIGKILL');
    await worker.start();
    report.restarts += 1;
    report.downMs += Date.now() - killedAt;
    console.log(`worker SIGKILL ${report.restarts} at page ${point.page} + ${point.delayMs} ms; restarted after ${Date.now() - killedAt} ms`);
  }
  return report;
}

test('full sync survives ten worker SIGKILLs', async () => {
  const outcome = await runFullSyncUnderFault(session(), { fault: 'worker SIGKILL', inject: killWorkerTenTimes });

  expect(outcome.integrationBefore).toBe('active');
  expect(outcome.restarts).toBe(KILLS);
  expectSyncSurvived(outcome);
});
