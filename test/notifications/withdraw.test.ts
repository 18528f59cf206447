import { createNotificationActivities } from '../../activities/notifications';
import { Notification } from '../../lib/models';
import type { NotificationTransports } from '../../lib/notifications';
import { startTestDatabase } from '../support/database';
import {
  client, createAdmin, createFirm, createProject, FRIDAY_AFTERNOON, localTransports, MONDAY_WINDOW, notificationsOf, setIntegrationStatus, silentLogger,
} from './support/fixtures';
import { startSmtpServer, type TestSmtpServer } from './support/local-servers';

let database: Awaited<ReturnType<typeof startTestDatabase>>;
let smtp: TestSmtpServer;
let transports: NotificationTransports;
let activities: ReturnType<typeof createNotificationActivities>;

beforeAll(async () => {
  database = await startTestDatabase('notifications-withdraw');
  smtp = await startSmtpServer();
  transports = localTransports(smtp.port);
  activities = createNotificationActivities({ transports, logger: silentLogger, publicUrl: 'http://127.0.0.1:3000', now: () => new Date(FRIDAY_AFTERNOON) });
});

afterAll(async () => {
  transports?.email?.close?.();
  await smtp?.stop();
  await database?.stop();
});

const emailsTo = (address: string) => smtp.received.filter((email) => email.to.includes(address));

describe('withdrawQueuedNotifications', () => {
  test('deactivation withdraws queued updates', async () => {
    await createFirm('withdrawn', 'active');
    await createProject('withdrawn', 1, [client(801, 'Wes Withdrawn', { email: 'wes@withdrawn.test' })]);
    await activities.recordProjectChanges({
      firmId: 'withdrawn', integrationStatus: 'active', now: FRIDAY_AFTERNOON,
      changes: [{ clioMatterId: 1, kind: 'phase_change', phase: 'Discovery', previousPhase: 'Intake', changeId: 'v2' }],
    });

    await setIntegrationStatus('withdrawn', 'connected_inactive');
    const withdrawn = await activities.withdrawQueuedNotifications({ firmId: 'withdrawn', reason: 'integration_deactivated' });
    await setIntegrationStatus('withdrawn', 'active');
    const dispatched = await activities.dispatchDueNotifications({ firmId: 'withdrawn', now: MONDAY_WINDOW });

    expect(withdrawn).toBe(1);
    expect(dispatched.claimed).toBe(0);
    expect(dispatched.nextDueAt).toBeNull();
    const [doc] = await notificationsOf('withdrawn', 1);
    expect(doc.state).toBe('suppressed');
    expect(doc.recipients[0]).toMatchObject({ status: 'suppressed', reason: 'integration_deactivated' });
    expect(emailsTo('wes@withdrawn.test')).toHaveLength(0);
  });

  test('admin alerts are left alone', async () => {
    await createFirm('alert-kept', 'reauthorization_required');
    await createAdmin('alert-kept', 'admin@alert-kept.test');
    smtp.failNextRecipient(451);
    const alert = await activities.sendAdminAlert({ firmId: 'alert-kept', kind: 'reauthorization_required', dedupeKey: 'credential-version-1' });

    const withdrawn = await activities.withdrawQueuedNotifications({ firmId: 'alert-kept', reason: 'integration_disconnected' });

    expect(alert.state).toBe('queued');
    expect(alert.retryAt).toBe(new Date(new Date(FRIDAY_AFTERNOON).getTime() + 60_000).toISOString());
    expect(withdrawn).toBe(0);
    expect((await Notification.findOne({ firmId: 'alert-kept' }).lean())?.state).toBe('queued');
  });
});

describe('dispatchDueNotifications', () => {
  test('deferred alert is not sent after reconnecting', async () => {
    await createFirm('reconnected', 'reauthorization_required');
    await createAdmin('reconnected', 'admin@reconnected.test');
    smtp.failNextRecipient(451);
    await activities.sendAdminAlert({ firmId: 'reconnected', kind: 'reauthorization_required', dedupeKey: 'credential-version-1' });
    await setIntegrationStatus('reconnected', 'active');

    const result = await activities.dispatchDueNotifications({ firmId: 'reconnected', now: MONDAY_WINDOW });

    expect(result.suppressed).toBe(1);
    const doc = await Notification.findOne({ firmId: 'reconnected' }).lean();
    expect(doc?.state).toBe('suppressed');
    expect(doc?.recipients[0].reason).toBe('integration_reconnected');
    expect(emailsTo('admin@reconnected.test')).toHaveLength(0);
  });

  test('weekend pass sends nothing and names Monday', async () => {
    await createFirm('weekend', 'active');
    await createProject('weekend', 1, [client(802, 'Sue Saturday', { email: 'sue@weekend.test' })]);
    await activities.recordProjectChanges({
      firmId: 'weekend', integrationStatus: 'active', now: FRIDAY_AFTERNOON,
      changes: [{ clioMatterId: 1, kind: 'phase_change', phase: 'Discovery', previousPhase: 'Intake', changeId: 'v2' }],
    });
    // Saturday 10:00 in New York: the update is due Monday, and weekends are outside sending hours.
    const saturday = '2027-01-09T15:00:00.000Z';
    await Notification.updateOne({ firmId: 'weekend' }, { $set: { dueAt: new Date(saturday) } });

    const result = await activities.dispatchDueNotifications({ firmId: 'weekend', now: saturday });

    expect(result.inSendingHours).toBe(false);
    expect(result.claimed).toBe(0);
    expect(result.nextDueAt).toBe(MONDAY_WINDOW);
    expect(emailsTo('sue@weekend.test')).toHaveLength(0);
  });
});
