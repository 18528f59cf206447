import request from 'supertest';
import { recordProjectChanges } from '../../lib/notifications';
import { startApiHarness, type ApiHarness } from '../api/support/api-harness';
import { client, createProject, FRIDAY_AFTERNOON, silentLogger } from './support/fixtures';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await startApiHarness('notifications-api');
  await createProject('acme', 1, [client(701, 'Jane Smith', { email: 'jane@example.test' }), client(702, 'Pat Phone', { phone: '+15550100' })]);
  await createProject('acme', 2, [client(703, 'Tom Toggle', { email: 'tom@example.test' })]);
});

afterAll(async () => {
  await harness?.stop();
});

const api = () => request(harness.url);
const as = (user: 'staff' | 'acmeAdmin' | 'betaAdmin') => ({ Authorization: `Bearer ${harness.seed[user].token}` });
const record = (clioMatterId: number, phase: string, previousPhase: string, changeId: string, integrationStatus: 'active' | 'connected_inactive') => recordProjectChanges(
  { firmId: 'acme', integrationStatus, changes: [{ clioMatterId, kind: 'phase_change', phase, previousPhase, changeId }] },
  { now: new Date(FRIDAY_AFTERNOON), businessHour: '08:00', smsEnabled: false, logger: silentLogger },
);

describe('GET notifications', () => {
  test('preview lists what activation would send', async () => {
    await record(1, 'Discovery', 'Intake', 'v2', 'connected_inactive');

    const response = await api().get('/api/firms/acme/notifications?state=preview').set(as('staff'));

    expect(response.status).toBe(200);
    expect(response.body.total).toBe(1);
    const [notification] = response.body.notifications;
    expect(notification).toMatchObject({ kind: 'phase_change', clioMatterId: 1, phase: 'Discovery', state: 'preview' });
    expect(notification.recipients[0]).toMatchObject({ name: 'Jane Smith', channel: 'email', status: 'preview' });
    expect(notification.recipients[0].text).toContain('has moved to Discovery');
    expect(notification.recipients[1]).toMatchObject({ name: 'Pat Phone', status: 'suppressed', reason: 'sms_not_configured' });
    expect(notification).not.toHaveProperty('claimToken');
    expect(notification.recipients[0]).not.toHaveProperty('deliveryKey');
  });

  test('state filter leaves out other states', async () => {
    const response = await api().get('/api/firms/acme/notifications?state=queued').set(as('acmeAdmin'));

    expect(response.status).toBe(200);
    expect(response.body.notifications).toEqual([]);
  });

  test('unknown state is a named 400', async () => {
    const response = await api().get('/api/firms/acme/notifications?state=waiting').set(as('staff'));

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('"state"');
  });

  test('another firm\'s admin gets 404', async () => {
    const response = await api().get('/api/firms/acme/notifications').set(as('betaAdmin'));

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('firm_not_found');
  });
});

describe('notification toggles and explain', () => {
  test('toggle off is stored on the project', async () => {
    const response = await api().put('/api/firms/acme/projects/2/notification-toggles').set(as('acmeAdmin')).send({ phaseChange: false });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ clioMatterId: 2, notificationToggles: { newProject: true, phaseChange: false } });
  });

  test('explain names the toggle that was off', async () => {
    await record(2, 'Discovery', 'Intake', 'v2', 'active');

    const response = await api().get('/api/firms/acme/projects/2/explain').set(as('staff'));

    expect(response.status).toBe(200);
    const [update] = response.body.updates;
    expect(update.decision.reason).toBe('toggle_phase_change_off');
    expect(update.clients[0]).toMatchObject({ name: 'Tom Toggle', status: 'suppressed', reason: 'toggle_phase_change_off' });
    expect(update.clients[0].message).toContain('notificationToggles.phaseChange');
    expect(update.checks.map((check: { check: string }) => check.check)).toContain('toggle');
  });

  test('explain keeps the stored decision after the toggle changes', async () => {
    await api().put('/api/firms/acme/projects/2/notification-toggles').set(as('acmeAdmin')).send({ phaseChange: true }).expect(200);

    const response = await api().get('/api/firms/acme/projects/2/explain').set(as('staff'));

    expect(response.body.notificationToggles).toEqual({ newProject: true, phaseChange: true });
    expect(response.body.updates[0].clients[0].reason).toBe('toggle_phase_change_off');
  });

  test('explain of a queued update says when it goes out', async () => {
    await record(2, 'Trial', 'Discovery', 'v3', 'active');

    const response = await api().get('/api/firms/acme/projects/2/explain').set(as('acmeAdmin'));

    const [latest] = response.body.updates;
    expect(latest.state).toBe('queued');
    expect(latest.clients[0].message).toContain('2027-01-11T13:00:00.000Z');
  });

  test('explain of an unknown project is 404', async () => {
    const response = await api().get('/api/firms/acme/projects/999/explain').set(as('staff'));

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('project_not_found');
  });

  test('empty toggle body is a 400', async () => {
    const response = await api().put('/api/firms/acme/projects/2/notification-toggles').set(as('acmeAdmin')).send({});

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('phaseChange');
  });

  test('unknown toggle is named', async () => {
    const response = await api().put('/api/firms/acme/projects/2/notification-toggles').set(as('acmeAdmin')).send({ reminders: false });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('"reminders"');
  });

  test('toggle of an unknown project is 404', async () => {
    const response = await api().put('/api/firms/acme/projects/999/notification-toggles').set(as('acmeAdmin')).send({ newProject: false });

    expect(response.status).toBe(404);
  });
});

describe('notification settings', () => {
  test('defaults are returned before any edit', async () => {
    const response = await api().get('/api/firms/acme/notifications/settings').set(as('acmeAdmin'));

    expect(response.status).toBe(200);
    expect(response.body.templates).toEqual([]);
    expect(response.body.defaults.phase_change.text).toContain('{{phase}}');
    expect(response.body.placeholders).toContain('projectName');
  });

  test('valid template and holidays are saved', async () => {
    const body = { templates: [{ kind: 'phase_change', phase: 'Trial', subject: 'Trial for {{projectName}}', text: 'Your case is going to trial.' }], holidays: ['2027-12-24', '2027-07-05'] };
    const response = await api().put('/api/firms/acme/notifications/settings').set(as('acmeAdmin')).send(body);

    expect(response.status).toBe(200);
    expect(response.body.templates).toEqual(body.templates);
    expect(response.body.holidays).toEqual(['2027-07-05', '2027-12-24']);
  });

  test('HTML in a template is rejected', async () => {
    const response = await api().put('/api/firms/acme/notifications/settings').set(as('acmeAdmin')).send({ templates: [{ kind: 'phase_change', phase: null, subject: 'Hi', text: '<a href="x">Moved</a>' }] });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('HTML tag');
  });

  test('unknown placeholder is rejected', async () => {
    const response = await api().put('/api/firms/acme/notifications/settings').set(as('acmeAdmin')).send({ templates: [{ kind: 'phase_change', phase: null, subject: 'Hi', text: 'Now {{stage}}' }] });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('{{stage}}');
  });

  test('invalid holiday is named', async () => {
    const response = await api().put('/api/firms/acme/notifications/settings').set(as('acmeAdmin')).send({ holidays: ['2027-02-30'] });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('2027-02-30');
  });

  test('two templates for one phase are rejected', async () => {
    const template = { kind: 'phase_change', phase: 'Trial', subject: 'a', text: 'b' };
    const response = await api().put('/api/firms/acme/notifications/settings').set(as('acmeAdmin')).send({ templates: [template, template] });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('keep one');
  });

  test('empty settings body is a 400', async () => {
    const response = await api().put('/api/firms/acme/notifications/settings').set(as('acmeAdmin')).send({});

    expect(response.status).toBe(400);
  });
});
