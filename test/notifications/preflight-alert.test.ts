import { DateTime } from 'luxon';
import { Integration, Notification, SyncRun } from '../../lib/models';
import * as m from '../../workflows/messages';
import { firmJitterSeconds } from '../../workflows/nightly-schedule';
import { callSandboxAdmin } from '../support/http-clients';
import { eventually, waitForState } from '../support/polling';
import { FIRM_TIME_ZONE, nextLocal, startNotificationStack, type NotificationStack } from './support/notification-stack';

let stack: NotificationStack;

beforeAll(async () => {
  stack = await startNotificationStack({ name: 'preflight-alert' });
});

afterAll(async () => {
  await stack?.stop();
});

const FIRM = 'revoked-firm';
const MINUTE_MS = 60_000;

/** Returns the firm's nightly run on the local date of `day`: 02:00 plus the firm's jitter. */
function nightlyRunOn(day: Date): Date {
  const date = DateTime.fromJSDate(day, { zone: FIRM_TIME_ZONE });
  return date.set({ hour: 2, minute: 0, second: 0, millisecond: 0 }).plus({ seconds: firmJitterSeconds(FIRM) }).toJSDate();
}

const alertsTo = (address: string) => stack.smtp.received.filter((email) => email.to.includes(address));

test('grant revoked at 20:00 alerts the admins before the nightly run, once', async () => {
  const start = nextLocal(await stack.now(), 2, '15:00');
  await stack.sleepUntil(start);
  const firm = await stack.connectFirm(FIRM, 5);
  await stack.syncAll(firm, { mode: 'full' });
  await firm.handle.executeUpdate(m.activateUpdate, { args: [{}] });

  await stack.sleepUntil(new Date(start.getTime() + 5 * 60 * MINUTE_MS));
  const revoked = await callSandboxAdmin(stack.sandbox.url, 'POST', `/accounts/${firm.accountId}/revoke`);
  expect(revoked.revokedGrants).toBeGreaterThan(0);
  const nightly = nightlyRunOn(new Date(start.getTime() + 24 * 60 * MINUTE_MS));
  const preflight = new Date(nightly.getTime() - 60 * MINUTE_MS);

  await stack.sleepUntil(new Date(preflight.getTime() - 5 * MINUTE_MS));
  expect(alertsTo(firm.adminEmail)).toHaveLength(0);
  await stack.sleepUntil(new Date(preflight.getTime() + 10 * MINUTE_MS), MINUTE_MS);

  const alerts = alertsTo(firm.adminEmail);
  expect(alerts).toHaveLength(1);
  expect(alerts[0].headers.subject).toContain('nightly connection check failed');
  expect(alerts[0].body).toContain('Reconnect');
  const [alert] = await Notification.find({ firmId: FIRM, kind: 'admin_alert' }).lean();
  expect(alert.state).toBe('sent');
  expect(alert.recipients[0].finishedAt!.getTime()).toBeLessThan(nightly.getTime());
  expect((await firm.handle.query(m.statusQuery)).status).toBe('reauthorization_required');
  expect((await Integration.findOne({ firmId: FIRM }).lean())?.status).toBe('reauthorization_required');

  await stack.sleepUntil(new Date(nightly.getTime() + 30 * 60 * MINUTE_MS));
  expect(alertsTo(firm.adminEmail)).toHaveLength(1);
  expect(await Notification.countDocuments({ firmId: FIRM, kind: 'admin_alert' })).toBe(1);
  expect(await SyncRun.countDocuments({ firmId: FIRM, trigger: 'nightly' })).toBe(0);
});

test('admins are alerted again after a reconnect', async () => {
  const firm = await stack.connectFirm('rejoined-firm', 5);
  await stack.syncAll(firm, { mode: 'full' });
  await firm.handle.executeUpdate(m.activateUpdate, { args: [{}] });
  const revokeAndSync = async (connection: typeof firm) => {
    await callSandboxAdmin(stack.sandbox.url, 'POST', `/accounts/${firm.accountId}/revoke`);
    await expect(stack.syncAll(connection, {})).rejects.toThrow(/failed/);
    await stack.sleepUntil(new Date((await stack.now()).getTime() + 10 * MINUTE_MS), MINUTE_MS);
  };
  await revokeAndSync(firm);
  expect(alertsTo(firm.adminEmail)).toHaveLength(1);

  await firm.handle.executeUpdate(m.disconnectUpdate, { args: [{}] });
  // The credential version counts from 1 again, as it did for the first connection.
  const rejoined = await stack.reconnectFirm(firm);
  await waitForState(rejoined.handle, (state) => state.status === 'connected_inactive');
  const readStatus = async () => (await stack.api('GET', '/api/firms/rejoined-firm/integrations/clio')).body.status;
  expect(await eventually(readStatus, (status) => status === 'connected_inactive', 10_000)).toBe('connected_inactive');
  await rejoined.handle.executeUpdate(m.activateUpdate, { args: [{}] });
  await revokeAndSync(rejoined);

  expect(alertsTo(firm.adminEmail)).toHaveLength(2);
  expect((await Integration.findOne({ firmId: 'rejoined-firm' }).lean())?.status).toBe('reauthorization_required');
});
