import { useFaultSession } from './support/fault-session';
import { expectSyncSurvived, restartOnce, runFullSyncUnderFault } from './support/sync-under-fault';

const session = useFaultSession({ databaseFile: true });

/**
 * Stops the database server with SIGTERM at a random point of the sync and waits until it has
 * closed its H2 file. After a random 2 to 20 s it starts the server again on the same port and file.
 */
test('full sync survives a database restart', async () => {
  const { mongo } = session().stack;
  const target = { name: 'database server (SIGTERM)', stop: () => mongo.kill('SIGTERM'), start: () => mongo.start() };
  const outcome = await runFullSyncUnderFault(session(), { fault: 'database SIGTERM and restart', inject: restartOnce(target, 3) });

  expect(outcome.integrationBefore).toBe('active');
  expect(outcome.restarts).toBe(1);
  expectSyncSurvived(outcome);
});
