import { Writable } from 'node:stream';
import { MockActivityEnvironment } from '@temporalio/testing';
import pino from 'pino';
import { createNotificationActivities } from '../../activities/notifications';
import { Notification } from '../../lib/models';
import type { DispatchResult, NotificationTransports } from '../../lib/notifications';
import { startTestDatabase } from '../support/database';
import {
  client, createFirm, createProject, FRIDAY_AFTERNOON, localTransports, MONDAY_WINDOW, notificationsOf, setIntegrationStatus, silentLogger, stopOnNextSend,
} from './support/fixtures';
import { startSmsEndpoint, startSmtpServer, type TestSmsEndpoint, type TestSmtpServer } from './support/local-servers';

let database: Awaited<ReturnType<typeof startTestDatabase>>;
let smtp: TestSmtpServer;
let sms: TestSmsEndpoint;
let transports: NotificationTransports;

/** Ten minutes and a second after the Monday window: past the default sending timeout. */
const AFTER_TIMEOUT = new Date(new Date(MONDAY_WINDOW).getTime() + 10 * 60_000 + 1000).toISOString();

const pat = client(603, 'Pat Phone', { phone: '+15550100' });

function activitiesWith(custom: NotificationTransports = transports) {
  return createNotificationActivities({ transports: custom, logger: silentLogger, publicUrl: 'http://127.0.0.1:3000' });
}

/** Creates a firm and project and records one queued phase change for Monday's window. */
async function queueChange(firmId: string, clients: ReturnType<typeof client>[], custom: NotificationTransports = transports): Promise<void> {
  await createFirm(firmId, 'active');
  await createProject(firmId, 1, clients);
  const result = await activitiesWith(custom).recordProjectChanges({
    firmId, integrationStatus: 'active', now: FRIDAY_AFTERNOON,
    changes: [{ clioMatterId: 1, kind: 'phase_change', phase: 'Discovery', previousPhase: 'Intake', changeId: 'v2' }],
  });
  expect(result.queued).toBe(1);
}

const emailsTo = (address: string) => smtp.received.filter((email) => email.to.includes(address));

beforeAll(async () => {
  database = await startTestDatabase('notifications-dispatch');
  smtp = await startSmtpServer();
  sms = await startSmsEndpoint();
  transports = localTransports(smtp.port, sms.url);
});

afterAll(async () => {
  transports?.email?.close?.();
  await sms?.stop();
  await smtp?.stop();
  await database?.stop();
});

describe('dispatchDueNotifications', () => {
  test('sends once at the business window', async () => {
    await queueChange('once', [client(611, 'Ann Once', { email: 'ann@once.test' })]);
    const activities = activitiesWith();

    const early = await activities.dispatchDueNotifications({ firmId: 'once', now: FRIDAY_AFTERNOON });
    const due = await activities.dispatchDueNotifications({ firmId: 'once', now: MONDAY_WINDOW });
    const again = await activities.dispatchDueNotifications({ firmId: 'once', now: AFTER_TIMEOUT });

    expect(early.claimed).toBe(0);
    expect(due.sent).toBe(1);
    expect(again.claimed).toBe(0);
    const received = emailsTo('ann@once.test');
    expect(received).toHaveLength(1);
    const [doc] = await notificationsOf('once', 1);
    expect(doc.state).toBe('sent');
    expect(received[0].headers['message-id']).toBe(`<${doc.recipients[0].deliveryKey}@casebridge.test>`);
    expect(doc.recipients[0].messageId).toBe(received[0].headers['message-id']);
    expect(received[0].headers.subject).toBe('Update on your case Case 1');
    expect(received[0].headers['content-type']).toContain('text/plain');
    expect(received[0].body).toContain('has moved to Discovery');
  });

  test('runs as an activity with heartbeats', async () => {
    await queueChange('activity', [client(612, 'Ada Activity', { email: 'ada@activity.test' })]);
    const environment = new MockActivityEnvironment();
    let heartbeats = 0;
    environment.on('heartbeat', () => { heartbeats += 1; });

    const result: DispatchResult = await environment.run(activitiesWith().dispatchDueNotifications, { firmId: 'activity', now: MONDAY_WINDOW });

    expect(result.sent).toBe(1);
    expect(heartbeats).toBe(1);
  });

  test('concurrent dispatchers send once', async () => {
    await queueChange('race', [client(613, 'Rae Race', { email: 'rae@race.test' }), client(614, 'Ray Race', { email: 'ray@race.test' })]);
    const results = await Promise.all(Array.from({ length: 4 }, () => activitiesWith().dispatchDueNotifications({ firmId: 'race', now: MONDAY_WINDOW })));

    expect(results.reduce((sum, result) => sum + result.claimed, 0)).toBe(1);
    expect(emailsTo('rae@race.test')).toHaveLength(1);
    expect(emailsTo('ray@race.test')).toHaveLength(1);
  });

  test('claim left by a crash is sent after the timeout', async () => {
    await queueChange('claimed', [client(615, 'Cai Claimed', { email: 'cai@claimed.test' })]);
    // A dispatcher claimed the notification and stopped before touching any recipient.
    await Notification.updateOne({ firmId: 'claimed' }, { $set: { state: 'sending', claimToken: 'crashed-dispatcher', claimedAt: new Date(MONDAY_WINDOW) } });

    const tooSoon = await activitiesWith().dispatchDueNotifications({ firmId: 'claimed', now: new Date(new Date(MONDAY_WINDOW).getTime() + 60_000).toISOString() });
    const later = await activitiesWith().dispatchDueNotifications({ firmId: 'claimed', now: AFTER_TIMEOUT });

    expect(tooSoon.claimed).toBe(0);
    expect(later.recovered).toBe(1);
    expect(later.sent).toBe(1);
    expect(emailsTo('cai@claimed.test')).toHaveLength(1);
  });

  test('email accepted before a crash is not sent again', async () => {
    const stopping = stopOnNextSend(transports.email!, 'after');
    await queueChange('crash', [client(616, 'Cy Crash', { email: 'cy@crash.test' })]);
    const crashed = activitiesWith({ email: stopping }).dispatchDueNotifications({ firmId: 'crash', now: MONDAY_WINDOW });
    await stopping.stopped;

    const recovery = await activitiesWith().dispatchDueNotifications({ firmId: 'crash', now: AFTER_TIMEOUT });

    expect(recovery.recovered).toBe(1);
    expect(emailsTo('cy@crash.test')).toHaveLength(1);
    const [afterRecovery] = await notificationsOf('crash', 1);
    expect(afterRecovery.recipients[0]).toMatchObject({ status: 'failed', reason: 'outcome_unknown' });
    expect(afterRecovery.state).toBe('failed');

    // The stopped dispatcher was only slow: it records what it actually sent.
    stopping.resume();
    await crashed;
    const [settled] = await notificationsOf('crash', 1);
    expect(settled.recipients[0].status).toBe('sent');
    expect(settled.state).toBe('sent');
    expect(emailsTo('cy@crash.test')).toHaveLength(1);
  });

  test('crash mid-notification resends nothing', async () => {
    const stopping = stopOnNextSend(transports.email!, 'after');
    const first = client(617, 'Flo First', { email: 'flo@between.test' });
    const second = client(618, 'Sid Second', { email: 'sid@between.test' });
    await queueChange('between', [first, second]);
    void activitiesWith({ email: stopping }).dispatchDueNotifications({ firmId: 'between', now: MONDAY_WINDOW });
    await stopping.stopped;

    await activitiesWith().dispatchDueNotifications({ firmId: 'between', now: AFTER_TIMEOUT });

    expect(emailsTo('flo@between.test')).toHaveLength(1);
    expect(emailsTo('sid@between.test')).toHaveLength(1);
    const [doc] = await notificationsOf('between', 1);
    expect(doc.recipients.map((recipient) => recipient.status)).toEqual(['failed', 'sent']);
  });

  test('lookup by Message-ID settles a lost result', async () => {
    const findSent = async (key: string) => {
      const messageId = smtp.messageIds().find((id) => id.startsWith(`<${key}@`));
      return messageId ? { messageId } : null;
    };
    const stopping = stopOnNextSend(transports.email!, 'after');
    await queueChange('lookup', [client(619, 'Lou Lookup', { email: 'lou@lookup.test' })]);
    void activitiesWith({ email: stopping }).dispatchDueNotifications({ firmId: 'lookup', now: MONDAY_WINDOW });
    await stopping.stopped;

    await activitiesWith({ email: { ...transports.email!, findSent } }).dispatchDueNotifications({ firmId: 'lookup', now: AFTER_TIMEOUT });

    expect(emailsTo('lou@lookup.test')).toHaveLength(1);
    const [doc] = await notificationsOf('lookup', 1);
    expect(doc.recipients[0].status).toBe('sent');
    expect(doc.recipients[0].messageId).toBe(emailsTo('lou@lookup.test')[0].headers['message-id']);
  });

  test('text message is repeated under its key', async () => {
    const stopping = stopOnNextSend(transports.sms!, 'after');
    await queueChange('sms', [pat]);
    void activitiesWith({ email: transports.email, sms: stopping }).dispatchDueNotifications({ firmId: 'sms', now: MONDAY_WINDOW });
    await stopping.stopped;

    await activitiesWith().dispatchDueNotifications({ firmId: 'sms', now: AFTER_TIMEOUT });

    const [doc] = await notificationsOf('sms', 1);
    const requests = sms.requests.filter((request) => request.idempotencyKey === doc.recipients[0].deliveryKey);
    expect(requests).toHaveLength(2);
    expect(sms.delivered.filter((request) => request.idempotencyKey === doc.recipients[0].deliveryKey)).toHaveLength(1);
    expect(requests[0].body).toEqual({ to: '+15550100', text: doc.recipients[0].text });
    expect(doc.recipients[0].status).toBe('sent');
  });

  test('temporary refusal is retried later', async () => {
    await queueChange('retry', [client(620, 'Tim Retry', { email: 'tim@retry.test' })]);
    smtp.failNextRecipient(451);

    const first = await activitiesWith().dispatchDueNotifications({ firmId: 'retry', now: MONDAY_WINDOW });
    const [waiting] = await notificationsOf('retry', 1);
    const second = await activitiesWith().dispatchDueNotifications({ firmId: 'retry', now: new Date(new Date(MONDAY_WINDOW).getTime() + 60_000).toISOString() });

    expect(first.requeued).toBe(1);
    expect(waiting.state).toBe('queued');
    expect(waiting.recipients[0]).toMatchObject({ status: 'pending', reason: 'retrying' });
    expect(second.sent).toBe(1);
    expect(emailsTo('tim@retry.test')).toHaveLength(1);
  });

  test('permanent refusal fails without retry', async () => {
    await queueChange('refused', [client(621, 'Ray Refused', { email: 'ray@refused.test' })]);
    smtp.failNextRecipient(550);

    const result = await activitiesWith().dispatchDueNotifications({ firmId: 'refused', now: MONDAY_WINDOW });

    expect(result.failed).toBe(1);
    const [doc] = await notificationsOf('refused', 1);
    expect(doc.recipients[0]).toMatchObject({ status: 'failed', reason: 'rejected' });
    expect(emailsTo('ray@refused.test')).toHaveLength(0);
  });

  test('preview is not sent after activation', async () => {
    await createFirm('preview', 'connected_inactive');
    await createProject('preview', 1, [client(622, 'Pia Preview', { email: 'pia@preview.test' })]);
    const activities = activitiesWith();
    await activities.recordProjectChanges({ firmId: 'preview', integrationStatus: 'connected_inactive', now: FRIDAY_AFTERNOON, changes: [{ clioMatterId: 1, kind: 'phase_change', phase: 'Discovery', previousPhase: 'Intake', changeId: 'v2' }] });

    await setIntegrationStatus('preview', 'active');
    await activities.recordProjectChanges({ firmId: 'preview', integrationStatus: 'active', now: FRIDAY_AFTERNOON, changes: [{ clioMatterId: 1, kind: 'phase_change', phase: 'Trial', previousPhase: 'Discovery', changeId: 'v3' }] });
    const result = await activities.dispatchDueNotifications({ firmId: 'preview', now: AFTER_TIMEOUT });

    expect(result.sent).toBe(1);
    const received = emailsTo('pia@preview.test');
    expect(received).toHaveLength(1);
    expect(received[0].body).toContain('has moved to Trial');
    const states = (await notificationsOf('preview', 1)).map((doc) => [doc.phase, doc.state]);
    expect(states).toEqual([['Discovery', 'preview'], ['Trial', 'sent']]);
  });

  test('deactivation before dispatch suppresses', async () => {
    await queueChange('deactivated', [client(623, 'Dee Deactivated', { email: 'dee@deactivated.test' })]);
    await setIntegrationStatus('deactivated', 'connected_inactive');

    const result = await activitiesWith().dispatchDueNotifications({ firmId: 'deactivated', now: MONDAY_WINDOW });

    expect(result.suppressed).toBe(1);
    const [doc] = await notificationsOf('deactivated', 1);
    expect(doc.recipients[0]).toMatchObject({ status: 'suppressed', reason: 'integration_inactive' });
    expect(doc.checks.at(-1)?.check).toBe('dispatch');
    expect(emailsTo('dee@deactivated.test')).toHaveLength(0);
  });

  test('reauthorization holds the queue', async () => {
    await queueChange('paused', [client(624, 'Paz Paused', { email: 'paz@paused.test' })]);
    await setIntegrationStatus('paused', 'reauthorization_required');

    const paused = await activitiesWith().dispatchDueNotifications({ firmId: 'paused', now: MONDAY_WINDOW });
    const [waiting] = await notificationsOf('paused', 1);
    await setIntegrationStatus('paused', 'active');
    const resumed = await activitiesWith().dispatchDueNotifications({ firmId: 'paused', now: MONDAY_WINDOW });

    expect(paused.deferred).toBe(1);
    expect(waiting.state).toBe('queued');
    expect(waiting.dispatchAttempts).toBe(0);
    expect(resumed.sent).toBe(1);
    expect(emailsTo('paz@paused.test')).toHaveLength(1);
  });

  test('missing transport fails the recipient', async () => {
    await queueChange('no-sms', [pat]);

    const result = await activitiesWith({ email: transports.email }).dispatchDueNotifications({ firmId: 'no-sms', now: MONDAY_WINDOW });

    expect(result.failed).toBe(1);
    const [doc] = await notificationsOf('no-sms', 1);
    expect(doc.recipients[0]).toMatchObject({ status: 'failed', reason: 'channel_unavailable' });
  });

  test('endpoint refusal of a text fails it', async () => {
    await queueChange('sms-refused', [pat]);
    sms.failNext(400);

    const result = await activitiesWith().dispatchDueNotifications({ firmId: 'sms-refused', now: MONDAY_WINDOW });

    expect(result.failed).toBe(1);
    const [doc] = await notificationsOf('sms-refused', 1);
    expect(doc.recipients[0]).toMatchObject({ status: 'failed', reason: 'rejected', message: expect.stringContaining('HTTP 400') });
  });

  test('endpoint server error retries the text', async () => {
    await queueChange('sms-retry', [pat]);
    sms.failNext(503);

    const first = await activitiesWith().dispatchDueNotifications({ firmId: 'sms-retry', now: MONDAY_WINDOW });
    const second = await activitiesWith().dispatchDueNotifications({ firmId: 'sms-retry', now: AFTER_TIMEOUT });

    expect(first.requeued).toBe(1);
    expect(second.sent).toBe(1);
  });

  test('logs carry no contact details', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } }));
    await queueChange('logged', [client(625, 'Lee Logged', { email: 'lee@logged.test' }), pat]);
    smtp.failNextRecipient(550);

    await createNotificationActivities({ transports, logger, publicUrl: 'http://127.0.0.1:3000' }).dispatchDueNotifications({ firmId: 'logged', now: MONDAY_WINDOW });

    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toContain('lee@logged.test');
    expect(lines.join('')).not.toContain('+15550100');
    expect(lines.join('')).not.toContain('Lee Logged');
  });
});
