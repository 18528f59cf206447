import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/stack/processes';
import { emailsFor, movePhase, nextLocal, phaseChangesOf, pickProject, productConfig, startNotificationStack, type NotificationStack } from './support/notification-stack';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process';

let stack: NotificationStack;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  stack = await startNotificationStack({ name: 'dispatch-crash', worker: false });
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await stack?.stop();
});

/** Real time the test waits for the crashed attempt's heartbeat timeout (one minute) and the retry's takeover. */
const RECOVERY_DEADLINE_MS = 3 * 60_000;

/** Starts worker/main.ts against the stack's servers, with the configuration production would give it. */
async function startWorker(name: string): Promise<WorkerProcess> {
  const env = {
    ...productConfig({ databaseUrl: stack.databaseUrl, sandboxUrl: stack.sandbox.url, smtpPort: stack.smtp.port, credentialKeys: stack.credentialKeys, port: await freePort() }),
    TEMPORAL_ADDRESS: stack.env.address,
    TEMPORAL_NAMESPACE: stack.env.namespace ?? 'default',
    TEMPORAL_TASK_QUEUE: stack.taskQueue,
  };
  const worker = await startWorkerProcess(env, path.join(os.tmpdir(), `casebridge-dispatch-crash-${name}.log`));
  workers.push(worker);
  return worker;
}

test('worker killed mid-dispatch: the email arrives once', async () => {
  const first = await startWorker('first');
  const start = nextLocal(await stack.now(), 2, '10:00');
  await stack.sleepUntil(start);
  const firm = await stack.connectFirm('crash-firm', 12);
  await stack.syncAll(firm, { mode: 'full' });
  await stack.api('POST', '/api/firms/crash-firm/integrations/clio/activate', {});
  const project = await pickProject(stack, firm);
  await movePhase(stack, firm, project);
  await stack.syncAll(firm, {});
  const [queued] = await phaseChangesOf('crash-firm', project.clioMatterId);
  expect(queued.state).toBe('queued');

  // The SMTP server takes the message and never replies, so the dispatch waits inside its send.
  await stack.sleepUntil(new Date(queued.dueAt!.getTime() - 60_000));
  let held = false;
  const arrived = stack.smtp.holdNextMessage().then(() => { held = true; });
  while (!held) {
    await stack.env.sleep(10_000);
  }
  await arrived;
  await first.crash();
  workers.splice(workers.indexOf(first), 1);
  const [sending] = await phaseChangesOf('crash-firm', project.clioMatterId);
  expect(sending.state).toBe('sending');
  expect(sending.recipients[0].status).toBe('sending');

  // NOTE: from here the test server's clock runs in real time, because the time-skipping test
  // server 1.40.0 keeps time skipping locked for the activity whose worker died, even after the
  // retry finished. So the test waits for the one-minute heartbeat timeout in real time.
  await startWorker('second');
  const deadline = Date.now() + RECOVERY_DEADLINE_MS;
  let [settled] = await phaseChangesOf('crash-firm', project.clioMatterId);
  while (settled.state === 'sending' && Date.now() < deadline) {
    await stack.env.sleep(5_000);
    [settled] = await phaseChangesOf('crash-firm', project.clioMatterId);
  }
  await stack.env.sleep(10_000);

  [settled] = await phaseChangesOf('crash-firm', project.clioMatterId);
  expect(settled.state).toBe('failed');
  expect(emailsFor(stack.smtp, settled)).toHaveLength(1);
  expect(emailsFor(stack.smtp, settled)[0].to).toEqual([project.email]);
  expect(settled.dispatchAttempts).toBe(2);
  // SMTP offers no way to ask whether a message whose reply never came was delivered, so the takeover does not send it again.
  expect(settled.recipients[0]).toMatchObject({ status: 'failed', reason: 'outcome_unknown' });
});
