import { DateTime } from 'luxon';
import { Notification, Project, SyncRun } from '../../lib/models';
import { callSandboxAdmin } from '../support/http-clients';
import { eventually } from '../support/polling';
import { emailsFor, FIRM_TIME_ZONE, movePhase, nextLocal, phaseChangesOf, pickProject, startNotificationStack, type NotificationStack } from './support/notification-stack';

let stack: NotificationStack;

beforeAll(async () => {
  stack = await startNotificationStack({ name: 'client-update-schedule' });
});

afterEach(async () => {
  await stack.terminateWorkflows();
});

afterAll(async () => {
  await stack?.stop();
});

const local = (date: Date | null | undefined) => (date ? DateTime.fromJSDate(date, { zone: FIRM_TIME_ZONE }).toFormat('cccc HH:mm') : null);
const HOUR_MS = 60 * 60_000;

test('Friday change is emailed once at Monday 08:00', async () => {
  const friday = nextLocal(await stack.now(), 5, '15:00');
  await stack.sleepUntil(friday);
  const firm = await stack.connectFirm('friday-firm', 12);
  await stack.syncAll(firm, { mode: 'full' });
  const activated = await stack.api('POST', '/api/firms/friday-firm/integrations/clio/activate', {});
  expect(activated.status).toBe(200);

  await stack.sleepUntil(new Date(friday.getTime() + HOUR_MS));
  const project = await pickProject(stack, firm);
  const phase = await movePhase(stack, firm, project);
  const monday = nextLocal(friday, 1, '08:00');
  await stack.sleepUntil(new Date(monday.getTime() - 5 * 60_000));

  const [queued] = await phaseChangesOf('friday-firm', project.clioMatterId);
  expect(queued.state).toBe('queued');
  expect(queued.phase).toBe(phase);
  expect(queued.dueAt?.toISOString()).toBe(monday.toISOString());
  expect(emailsFor(stack.smtp, queued)).toHaveLength(0);

  await stack.sleepUntil(new Date(monday.getTime() + 5 * 60_000), 60_000);
  const [sent] = await phaseChangesOf('friday-firm', project.clioMatterId);
  expect(sent.state).toBe('sent');
  expect(local(sent.recipients[0].finishedAt)).toBe('Monday 08:00');
  const emails = emailsFor(stack.smtp, sent);
  expect(emails).toHaveLength(1);
  expect(emails[0].to).toEqual([project.email]);
  expect(emails[0].body).toContain(`has moved to ${phase}`);

  await stack.sleepUntil(new Date(monday.getTime() + 30 * HOUR_MS));
  expect(emailsFor(stack.smtp, sent)).toHaveLength(1);
  expect(stack.smtp.received).toHaveLength(1);
});

test('first import announces no case; a matter added later is announced', async () => {
  const start = nextLocal(await stack.now(), 2, '10:00');
  await stack.sleepUntil(start);
  const firm = await stack.connectFirm('import-firm', 12);
  // A matter synced on its own before the first import is an existing case too.
  const single = await stack.api('POST', '/api/firms/import-firm/projects/sync', { matterId: stack.sandbox.store.getAccount(firm.accountId).matters.idAt(0) });
  expect(single.status).toBe(202);
  await eventually(() => SyncRun.findById(single.body.syncRunId).lean(), (run) => run?.state === 'completed');
  await stack.syncAll(firm, { mode: 'full' });
  expect(await Project.countDocuments({ firmId: 'import-firm' })).toBe(12);
  expect(await Notification.countDocuments({ firmId: 'import-firm' })).toBe(0);

  const [known] = await Project.find({ firmId: 'import-firm', 'clients.0.email': { $ne: null } }).sort({ clioMatterId: 1 }).lean();
  const addMatter = async (description: string): Promise<number> => {
    const added = await callSandboxAdmin(stack.sandbox.url, 'POST', `/accounts/${firm.accountId}/matters`, { clientId: known.clients[0].clioId, description, status: 'Open' });
    return added.matterId as number;
  };
  const whileInactive = await addMatter('Estate of Ada Byron');
  await stack.syncAll(firm, {});
  const preview = await Notification.find({ firmId: 'import-firm', kind: 'new_project' }).lean();
  expect(preview.map((update) => [update.clioMatterId, update.state])).toEqual([[whileInactive, 'preview']]);

  const activated = await stack.api('POST', '/api/firms/import-firm/integrations/clio/activate', {});
  expect(activated.status).toBe(200);
  const whileActive = await addMatter('Byron v. Lovelace');
  await stack.syncAll(firm, {});
  await stack.sleepUntil(new Date(start.getTime() + 26 * HOUR_MS));

  const [announced] = await Notification.find({ firmId: 'import-firm', kind: 'new_project', clioMatterId: whileActive }).lean();
  expect(announced.state).toBe('sent');
  expect(emailsFor(stack.smtp, announced).map((email) => email.to)).toEqual([[known.clients[0].email]]);
  expect(emailsFor(stack.smtp, preview[0])).toHaveLength(0);
});

test('inactive firm keeps a preview and sends only later changes', async () => {
  const start = nextLocal(await stack.now(), 2, '10:00');
  await stack.sleepUntil(start);
  const firm = await stack.connectFirm('preview-firm', 12);
  await stack.syncAll(firm, { mode: 'full' });
  const early = await pickProject(stack, firm);
  const earlyPhase = await movePhase(stack, firm, early);
  await stack.syncAll(firm, {});

  const preview = await stack.api('GET', `/api/firms/preview-firm/notifications?state=preview&kind=phase_change&clioMatterId=${early.clioMatterId}`);
  expect(preview.status).toBe(200);
  expect(preview.body.total).toBe(1);
  expect(preview.body.notifications[0]).toMatchObject({ phase: earlyPhase, state: 'preview' });
  expect(preview.body.notifications[0].recipients[0].text).toContain(`has moved to ${earlyPhase}`);
  await stack.sleepUntil(new Date(start.getTime() + 26 * HOUR_MS));
  const before = stack.smtp.received.length;

  const activated = await stack.api('POST', '/api/firms/preview-firm/integrations/clio/activate', {});
  expect(activated.status).toBe(200);
  const late = await pickProject(stack, firm, [early.clioMatterId]);
  const latePhase = await movePhase(stack, firm, late);
  await stack.syncAll(firm, {});
  await stack.sleepUntil(new Date(start.getTime() + 50 * HOUR_MS));

  const [kept] = await phaseChangesOf('preview-firm', early.clioMatterId);
  const [sent] = await phaseChangesOf('preview-firm', late.clioMatterId);
  expect(kept.state).toBe('preview');
  expect(emailsFor(stack.smtp, kept)).toHaveLength(0);
  expect(sent.state).toBe('sent');
  expect(sent.phase).toBe(latePhase);
  expect(emailsFor(stack.smtp, sent)).toHaveLength(1);
  expect(stack.smtp.received.length - before).toBe(1);
});

test('toggled-off project sends nothing and explain names the toggle', async () => {
  const start = nextLocal(await stack.now(), 3, '10:00');
  await stack.sleepUntil(start);
  const firm = await stack.connectFirm('toggle-firm', 12);
  await stack.syncAll(firm, { mode: 'full' });
  await stack.api('POST', '/api/firms/toggle-firm/integrations/clio/activate', {});
  const muted = await pickProject(stack, firm);
  const open = await pickProject(stack, firm, [muted.clioMatterId]);
  const toggled = await stack.api('PUT', `/api/firms/toggle-firm/projects/${muted.clioMatterId}/notification-toggles`, { phaseChange: false });
  expect(toggled.status).toBe(200);

  await movePhase(stack, firm, muted);
  await movePhase(stack, firm, open);
  await stack.syncAll(firm, {});
  await stack.sleepUntil(new Date(start.getTime() + 26 * HOUR_MS));

  const [silent] = await phaseChangesOf('toggle-firm', muted.clioMatterId);
  const [sent] = await phaseChangesOf('toggle-firm', open.clioMatterId);
  expect(silent.state).toBe('suppressed');
  expect(emailsFor(stack.smtp, silent)).toHaveLength(0);
  expect(sent.state).toBe('sent');
  expect(emailsFor(stack.smtp, sent)).toHaveLength(1);

  const explained = await stack.api('GET', `/api/firms/toggle-firm/projects/${muted.clioMatterId}/explain`);
  expect(explained.status).toBe(200);
  expect(explained.body.notificationToggles.phaseChange).toBe(false);
  const [update] = explained.body.updates;
  expect(update.kind).toBe('phase_change');
  expect(update.decision.reason).toBe('toggle_phase_change_off');
  expect(update.decision.message).toContain('notificationToggles.phaseChange');
  expect(update.clients[0]).toMatchObject({ status: 'suppressed', reason: 'toggle_phase_change_off' });
});
