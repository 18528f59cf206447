import { useFaultSession } from './support/fault-session';
import { expectSyncSurvived, restartOnce, runFullSyncUnderFault } from './support/sync-under-fault';

const session = useFaultSession({ temporalFile: true });

/**
 * Stops the Temporal dev server with SIGTERM at a random point of the sync. After a random 2 to
 * 20 s it starts the server again on the same port and SQLite file, so the worker and the API
 * reconnect to the same workflows.
 */
test('full sync survives a Temporal restart', async () => {
  const { temporal } = session().stack;
  const target = { name: 'Temporal dev server', stop: () => temporal.stop(), start: () => temporal.start() };
  const outcome = await runFullSyncUnderFault(session(), { fault: 'Temporal dev server restart', inject: restartOnce(target, 2) });

  expect(outcome.integrationBefore).toBe('active');
  expect(outcome.restarts).toBe(1);
  expectSyncSurvived(outcome);
});
