import { createNotificationActivities } from '../../activities/notifications';
import { Notification } from '../../lib/models';
import type { NotificationTransports } from '../../lib/notifications';
import { startTestDatabase } from '../support/database';
import { createAdmin, createFirm, localTransports, silentLogger } from './support/fixtures';
import { startSmtpServer, type TestSmtpServer } from './support/local-servers';

let database: Awaited<ReturnType<typeof startTestDatabase>>;
let smtp: TestSmtpServer;
let transports: NotificationTransports;
let activities: ReturnType<typeof createNotificationActivities>;

beforeAll(async () => {
  database = await startTestDatabase('notifications-alerts');
  smtp = await startSmtpServer();
  transports = localTransports(smtp.port);
  activities = createNotificationActivities({ transports, logger: silentLogger, publicUrl: 'https://casebridge.example.test' });
  await createFirm('alerted', 'reauthorization_required');
  await createAdmin('alerted', 'first-admin@alerted.test');
  await createAdmin('alerted', 'second-admin@alerted.test');
  await createAdmin('other', 'admin@other.test');
});

afterAll(async () => {
  transports?.email?.close?.();
  await smtp?.stop();
  await database?.stop();
});

const emailsTo = (address: string) => smtp.received.filter((email) => email.to.includes(address));

describe('sendAdminAlert', () => {
  test('alerts each firm admin once per key', async () => {
    const first = await activities.sendAdminAlert({ firmId: 'alerted', kind: 'reauthorization_required', dedupeKey: 'run-1' });
    const repeated = await activities.sendAdminAlert({ firmId: 'alerted', kind: 'reauthorization_required', dedupeKey: 'run-1' });

    expect(first).toEqual({ state: 'sent', duplicate: false, recipients: 2 });
    expect(repeated).toEqual({ state: 'sent', duplicate: true, recipients: 2 });
    expect(emailsTo('first-admin@alerted.test')).toHaveLength(1);
    expect(emailsTo('second-admin@alerted.test')).toHaveLength(1);
    expect(emailsTo('admin@other.test')).toHaveLength(0);
  });

  test('alert says syncing stopped and how to reconnect', () => {
    const [email] = emailsTo('first-admin@alerted.test');
    expect(email.headers.subject).toContain('Clio syncing has stopped for Firm alerted');
    expect(email.body).toContain('Syncing has stopped');
    expect(email.body).toContain('Reconnect');
    expect(email.body).toContain('https://casebridge.example.test/firms/alerted/settings/integrations');
  });

  test('new dedupe key alerts again', async () => {
    const result = await activities.sendAdminAlert({ firmId: 'alerted', kind: 'preflight_failed', dedupeKey: '2027-01-09' });

    expect(result.duplicate).toBe(false);
    expect(emailsTo('first-admin@alerted.test')).toHaveLength(2);
    expect(emailsTo('first-admin@alerted.test')[1].headers.subject).toContain('nightly connection check failed');
  });

  test('concurrent alerts with one key send once', async () => {
    await Promise.all(Array.from({ length: 4 }, () => activities.sendAdminAlert({ firmId: 'alerted', kind: 'reauthorization_required', dedupeKey: 'run-2' })));

    expect(emailsTo('second-admin@alerted.test')).toHaveLength(3);
    expect(await Notification.countDocuments({ firmId: 'alerted', kind: 'admin_alert' })).toBe(3);
  });

  test('failed delivery is retried by a repeat call', async () => {
    smtp.failNextRecipient(451);
    const first = await activities.sendAdminAlert({ firmId: 'alerted', kind: 'reauthorization_required', dedupeKey: 'run-3' });
    await Notification.updateOne({ firmId: 'alerted', changeId: 'run-3' }, { $set: { dueAt: new Date(Date.now() - 1000) } });
    const retried = await activities.sendAdminAlert({ firmId: 'alerted', kind: 'reauthorization_required', dedupeKey: 'run-3' });

    expect(first.state).toBe('queued');
    expect(retried.state).toBe('sent');
    expect(emailsTo('first-admin@alerted.test')).toHaveLength(4);
    expect(emailsTo('second-admin@alerted.test')).toHaveLength(4);
  });

  test('firm without admins records a suppressed alert', async () => {
    await createFirm('lonely', 'reauthorization_required');
    const result = await activities.sendAdminAlert({ firmId: 'lonely', kind: 'reauthorization_required', dedupeKey: 'run-1' });

    expect(result).toEqual({ state: 'suppressed', duplicate: false, recipients: 0 });
  });
});
