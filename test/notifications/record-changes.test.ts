import { createNotificationActivities } from '../../activities/notifications';
import { Notification, NotificationSettings, Project } from '../../lib/models';
import { startTestDatabase } from '../support/database';
import { client, createFirm, createProject, FRIDAY_AFTERNOON, MONDAY_WINDOW, notificationsOf, silentLogger } from './support/fixtures';

let database: Awaited<ReturnType<typeof startTestDatabase>>;

/** Activities with an email transport that is never called: these tests only record. */
const unusedEmail = { channel: 'email' as const, replaySafe: false, send: async () => { throw new Error('recording tests send nothing'); } };
const activities = createNotificationActivities({ transports: { email: unusedEmail }, logger: silentLogger, publicUrl: 'http://127.0.0.1:3000' });
const withSms = createNotificationActivities({ transports: { email: unusedEmail, sms: { ...unusedEmail, channel: 'sms' } }, logger: silentLogger, publicUrl: 'http://127.0.0.1:3000' });

const jane = client(501, 'Jane Smith', { email: 'jane@example.test' });
const phoneOnly = client(502, 'Pat Phone', { phone: '+15550100' });

beforeAll(async () => {
  database = await startTestDatabase('notifications-record');
  await createFirm('rec', 'active');
  await createFirm('rec-inactive', 'connected_inactive');
});

afterAll(async () => {
  await database?.stop();
});

const phaseChange = (clioMatterId: number, previousPhase: string, phase: string, changeId: string) => ({ clioMatterId, kind: 'phase_change' as const, phase, previousPhase, changeId });

describe('recordProjectChanges', () => {
  test('active change is queued for the business window', async () => {
    await createProject('rec', 1, [jane]);
    const result = await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [phaseChange(1, 'Intake', 'Discovery', 'v2')], now: FRIDAY_AFTERNOON });

    expect(result.queued).toBe(1);
    const [doc] = await notificationsOf('rec', 1);
    expect(doc.state).toBe('queued');
    expect(doc.dueAt?.toISOString()).toBe(MONDAY_WINDOW);
    expect(doc.recipients[0]).toMatchObject({ clientId: '501', channel: 'email', address: 'jane@example.test', status: 'pending' });
    expect(doc.recipients[0].text).toContain('has moved to Discovery');
    expect(doc.checks.map((check) => check.check)).toEqual(expect.arrayContaining(['integration', 'toggle', 'business_window', 'idempotency']));
  });

  test('repeated record adds nothing', async () => {
    await createProject('rec', 2, [jane]);
    const input = { firmId: 'rec', integrationStatus: 'active' as const, changes: [phaseChange(2, 'Intake', 'Discovery', 'v2')], now: FRIDAY_AFTERNOON };
    await activities.recordProjectChanges(input);
    const again = await activities.recordProjectChanges(input);

    expect(again.duplicates).toBe(1);
    expect(again.queued).toBe(0);
    const docs = await notificationsOf('rec', 2);
    expect(docs).toHaveLength(1);
    expect(docs[0].duplicates).toBe(1);
  });

  test('concurrent records of one change keep one', async () => {
    await createProject('rec', 3, [jane]);
    const input = { firmId: 'rec', integrationStatus: 'active' as const, changes: [phaseChange(3, 'Intake', 'Discovery', 'v2')], now: FRIDAY_AFTERNOON };
    await Promise.all(Array.from({ length: 5 }, () => activities.recordProjectChanges(input)));

    expect(await Notification.countDocuments({ firmId: 'rec', clioMatterId: 3 })).toBe(1);
  });

  test('new project is recorded once whatever the version', async () => {
    await createProject('rec', 4, [jane]);
    const change = (changeId: string) => ({ clioMatterId: 4, kind: 'new_project' as const, phase: 'Intake', previousPhase: null, changeId });
    await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [change('v1')], now: FRIDAY_AFTERNOON });
    const again = await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [change('v2')], now: FRIDAY_AFTERNOON });

    expect(again.duplicates).toBe(1);
    expect(await Notification.countDocuments({ firmId: 'rec', clioMatterId: 4 })).toBe(1);
  });

  test('later phase change supersedes the queued one', async () => {
    await createProject('rec', 5, [jane]);
    await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [phaseChange(5, 'Intake', 'Discovery', 'v2')], now: FRIDAY_AFTERNOON });
    const second = await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [phaseChange(5, 'Discovery', 'Trial', 'v3')], now: '2027-01-08T22:00:00.000Z' });

    expect(second.superseded).toBe(1);
    const [older, latest] = await notificationsOf('rec', 5);
    expect(older.state).toBe('superseded');
    expect(older.supersededBy).toBe(latest.idempotencyKey);
    expect(older.recipients[0].status).toBe('superseded');
    expect(older.recipients[0].message).toContain('"Trial"');
    expect(latest.state).toBe('queued');
  });

  test('two changes in one call keep the latest', async () => {
    await createProject('rec', 6, [jane]);
    const result = await activities.recordProjectChanges({
      firmId: 'rec', integrationStatus: 'active', now: FRIDAY_AFTERNOON,
      changes: [{ ...phaseChange(6, 'Intake', 'Discovery', 'v2'), changedAt: '2027-01-08T15:00:00Z' }, { ...phaseChange(6, 'Discovery', 'Trial', 'v3'), changedAt: '2027-01-08T16:00:00Z' }],
    });

    expect(result.queued).toBe(2);
    expect(result.superseded).toBe(1);
    const states = (await notificationsOf('rec', 6)).map((doc) => [doc.phase, doc.state]);
    expect(states).toEqual([['Discovery', 'superseded'], ['Trial', 'queued']]);
  });

  test('older change arriving late is superseded at once', async () => {
    await createProject('rec', 7, [jane]);
    await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [{ ...phaseChange(7, 'Discovery', 'Trial', 'v3'), changedAt: '2027-01-08T16:00:00Z' }], now: FRIDAY_AFTERNOON });
    await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [{ ...phaseChange(7, 'Intake', 'Discovery', 'v2'), changedAt: '2027-01-08T15:00:00Z' }], now: FRIDAY_AFTERNOON });

    const states = (await notificationsOf('rec', 7)).map((doc) => [doc.phase, doc.state]);
    expect(states).toEqual([['Trial', 'queued'], ['Discovery', 'superseded']]);
  });

  test('inactive integration records a preview', async () => {
    await createProject('rec-inactive', 1, [jane]);
    const result = await activities.recordProjectChanges({ firmId: 'rec-inactive', integrationStatus: 'connected_inactive', changes: [phaseChange(1, 'Intake', 'Discovery', 'v2')], now: FRIDAY_AFTERNOON });

    expect(result.preview).toBe(1);
    const [doc] = await notificationsOf('rec-inactive', 1);
    expect(doc.state).toBe('preview');
    expect(doc.dueAt).toBeNull();
    expect(doc.recipients[0]).toMatchObject({ status: 'preview', reason: 'integration_inactive' });
  });

  test('toggle off suppresses with its reason', async () => {
    await createProject('rec', 8, [jane], { notificationToggles: { newProject: true, phaseChange: false } });
    const result = await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [phaseChange(8, 'Intake', 'Discovery', 'v2')], now: FRIDAY_AFTERNOON });

    expect(result.suppressed).toBe(1);
    const [doc] = await notificationsOf('rec', 8);
    expect(doc.decision?.reason).toBe('toggle_phase_change_off');
    expect(doc.recipients[0]).toMatchObject({ status: 'suppressed', reason: 'toggle_phase_change_off' });
  });

  test('phone-only client needs text messages', async () => {
    await createProject('rec', 9, [jane, phoneOnly]);
    await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [phaseChange(9, 'Intake', 'Discovery', 'v2')], now: FRIDAY_AFTERNOON });
    await createProject('rec', 10, [jane, phoneOnly]);
    await withSms.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [phaseChange(10, 'Intake', 'Discovery', 'v2')], now: FRIDAY_AFTERNOON });

    const [withoutSms] = await notificationsOf('rec', 9);
    expect(withoutSms.recipients[1]).toMatchObject({ channel: 'sms', status: 'suppressed', reason: 'sms_not_configured' });
    const [smsOn] = await notificationsOf('rec', 10);
    expect(smsOn.recipients[1]).toMatchObject({ channel: 'sms', address: '+15550100', status: 'pending' });
  });

  test('project without clients is suppressed', async () => {
    await createProject('rec', 11, []);
    const result = await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [phaseChange(11, 'Intake', 'Discovery', 'v2')], now: FRIDAY_AFTERNOON });

    expect(result.suppressed).toBe(1);
    const [doc] = await notificationsOf('rec', 11);
    expect(doc.decision?.reason).toBe('no_reachable_client');
  });

  test('unknown matter and unchanged phase are skipped', async () => {
    await createProject('rec', 12, [jane]);
    const result = await activities.recordProjectChanges({
      firmId: 'rec', integrationStatus: 'active', now: FRIDAY_AFTERNOON,
      changes: [phaseChange(999, 'Intake', 'Discovery', 'v2'), phaseChange(12, 'Intake', 'Intake', 'v2')],
    });

    expect(result.skipped).toBe(2);
    expect(await Notification.countDocuments({ firmId: 'rec', clioMatterId: { $in: [12, 999] } })).toBe(0);
  });

  test('firm template and holiday are applied', async () => {
    await createFirm('rec-custom', 'active');
    await NotificationSettings.create({ firmId: 'rec-custom', holidays: ['2027-01-11'], templates: [{ kind: 'phase_change', phase: 'Trial', subject: 'Trial date', text: 'Dear {{clientName}}, {{projectName}} is going to trial.' }] });
    await createProject('rec-custom', 1, [jane]);
    await activities.recordProjectChanges({ firmId: 'rec-custom', integrationStatus: 'active', changes: [phaseChange(1, 'Discovery', 'Trial', 'v2')], now: FRIDAY_AFTERNOON });

    const [doc] = await notificationsOf('rec-custom', 1);
    expect(doc.recipients[0].text).toBe('Dear Jane Smith, Case 1 is going to trial.');
    expect(doc.dueAt?.toISOString()).toBe('2027-01-12T13:00:00.000Z');
  });

  test('change without changeId uses the stored etag', async () => {
    await createProject('rec', 13, [jane]);
    const change = { clioMatterId: 13, kind: 'phase_change' as const, phase: 'Discovery', previousPhase: 'Intake' };
    await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [change], now: FRIDAY_AFTERNOON });
    await Project.updateOne({ firmId: 'rec', clioMatterId: 13 }, { $set: { clioEtag: '"etag-13-b"' } });
    const later = await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [change], now: FRIDAY_AFTERNOON });

    expect(later.queued).toBe(1);
    const keys = (await notificationsOf('rec', 13)).map((doc) => doc.changeId);
    expect(keys).toEqual(['"etag-13"', '"etag-13-b"']);
  });

  test('recorded update stores each schema field as mongoose would', async () => {
    const noAddress = client(503, 'No Address', {});
    await createProject('rec', 14, [jane, noAddress], { phaseUnmapped: true });
    await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes: [phaseChange(14, 'Intake', 'Discovery', 'v2')], now: FRIDAY_AFTERNOON });

    // The insert skips mongoose, so the raw document must already be what mongoose would build:
    // every default present, every value of the schema's type, and nothing the schema lacks.
    const stored = await Notification.collection.findOne({ firmId: 'rec', clioMatterId: 14 });
    const hydrated = new Notification(stored);
    expect(hydrated.validateSync()).toBeUndefined();
    expect(stored).toEqual(hydrated.toObject({ depopulate: true }));
    expect(stored?.recipients).toHaveLength(2);
  });

  test('final phase of an open matter is queued', async () => {
    await createProject('rec', 15, [jane], { status: 'complete', raw: { id: 15, status: 'Open' } });
    await createProject('rec', 16, [jane], { status: 'complete', raw: { id: 16, status: 'Closed' } });
    const changes = [phaseChange(15, 'Trial', 'Done', 'v2'), phaseChange(16, 'Trial', 'Done', 'v2')];
    await activities.recordProjectChanges({ firmId: 'rec', integrationStatus: 'active', changes, now: FRIDAY_AFTERNOON });

    const [open] = await notificationsOf('rec', 15);
    const [closed] = await notificationsOf('rec', 16);
    expect(open.state).toBe('queued');
    expect(closed.state).toBe('suppressed');
    expect(closed.decision?.reason).toBe('project_closed');
  });
});
