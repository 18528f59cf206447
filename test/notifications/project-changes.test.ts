import { randomBytes } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import { upsertProjects } from '../../activities/project-upsert';
import { recordOwedChanges } from '../../activities/record-owed-changes';
import type { ClioContact, ClioMatter } from '../../lib/clio/types';
import { CredentialStore } from '../../lib/credentials';
import { parseKeyring } from '../../lib/crypto';
import { Notification, Project, SyncRun } from '../../lib/models';
import { saveFirmMapping } from '../../lib/models/mapping';
import { matter as familyMatter, stageMapping } from '../mapping/fixtures';
import { startTestDatabase } from '../support/database';
import { createFirm, FRIDAY_AFTERNOON, MONDAY_WINDOW, silentLogger } from './support/fixtures';

let database: Awaited<ReturnType<typeof startTestDatabase>>;
const credentials = new CredentialStore({
  keyring: parseKeyring(`k1:${randomBytes(32).toString('base64')}`),
  app: { clientId: 'casebridge-dev', clientSecret: 'casebridge-dev-secret' },
  baseUrlFor: () => 'http://127.0.0.1:9',
});
/** Activities whose clock reads Friday 16:00 in New York, so queued updates fall due on Monday 08:00. */
const deps = { credentials, baseUrlFor: () => 'http://127.0.0.1:9', logger: silentLogger, now: () => new Date(FRIDAY_AFTERNOON) };

beforeAll(async () => {
  database = await startTestDatabase('notifications-project-changes');
});

afterAll(async () => {
  await database?.stop();
});

const client: ClioContact = { id: 81, name: 'Jane Client', is_client: true, primary_email_address: 'jane@client.test', email_addresses: [{ address: 'jane@client.test' }] };
const contacts = new Map([[client.id, client]]);

function matter(overrides: Partial<ClioMatter> = {}): ClioMatter {
  return familyMatter({ client: { id: client.id, name: client.name }, ...overrides });
}

const upsert = (firmId: string, matters: ClioMatter[]) => upsertProjects({ firmId, syncRunId: 'run-1', matters, contacts, logger: silentLogger });

describe('upsertProjects changes', () => {
  test('new project is reported and kept pending', async () => {
    const outcome = await upsert('changes-new', [matter()]);

    expect(outcome.created).toBe(1);
    expect(outcome.changes).toEqual([expect.objectContaining({ clioMatterId: 5001, kind: 'new_project', phase: 'Disclosure', previousPhase: null })]);
    const project = await Project.findOne({ firmId: 'changes-new', clioMatterId: 5001 }).lean();
    expect(project?.pendingChange).toMatchObject({ kind: 'new_project', phase: 'Disclosure', changeId: '"e1"' });
  });

  test('stage move is a phase change', async () => {
    await upsert('changes-move', [matter()]);
    const outcome = await upsert('changes-move', [matter({ etag: '"e2"', matter_stage: { id: 103, name: 'Negotiation', order: 3 } })]);

    expect(outcome.changes).toEqual([expect.objectContaining({ kind: 'phase_change', phase: 'Negotiation', previousPhase: 'Disclosure', changeId: '"e2"' })]);
  });

  test('edit without a stage move reports nothing', async () => {
    await upsert('changes-edit', [matter()]);
    await Project.updateOne({ firmId: 'changes-edit' }, { $set: { pendingChange: null } });
    const outcome = await upsert('changes-edit', [matter({ etag: '"e2"', description: 'Renamed' })]);

    expect(outcome.updated).toBe(1);
    expect(outcome.changes).toEqual([]);
    expect(outcome.owingMatterIds).toEqual([]);
  });

  test('mapping save alone moves no client phase', async () => {
    await upsert('changes-remap', [matter()]);
    await saveFirmMapping('changes-remap', stageMapping(), null);
    const remapped = await upsert('changes-remap', [matter()]);

    expect(remapped.updated).toBe(1);
    expect(remapped.changes).toEqual([]);
    expect((await Project.findOne({ firmId: 'changes-remap' }).lean())?.phase).toBe('Working on it');
  });

  test('stage move under a new mapping is reported', async () => {
    await upsert('changes-remap-move', [matter()]);
    await saveFirmMapping('changes-remap-move', stageMapping(), null);
    const outcome = await upsert('changes-remap-move', [matter({ etag: '"e2"', matter_stage: { id: 104, name: 'Final Order', order: 4 } })]);

    expect(outcome.changes).toEqual([expect.objectContaining({ kind: 'phase_change', phase: 'Done', previousPhase: 'Working on it' })]);
  });
});

describe('recordOwedChanges', () => {
  test('active firm queues the change and clears it', async () => {
    await createFirm('owed-active', 'active');
    await upsert('owed-active', [matter()]);
    await Project.updateOne({ firmId: 'owed-active' }, { $set: { pendingChange: null } });
    await upsert('owed-active', [matter({ etag: '"e2"', matter_stage: { id: 103, name: 'Negotiation', order: 3 } })]);

    const result = await recordOwedChanges(deps, 'owed-active', [5001]);
    const again = await recordOwedChanges(deps, 'owed-active', [5001]);

    expect(result?.queued).toBe(1);
    expect(again).toBeNull();
    const [update] = await Notification.find({ firmId: 'owed-active', kind: 'phase_change' }).lean();
    expect(update).toMatchObject({ state: 'queued', phase: 'Negotiation', previousPhase: 'Disclosure' });
    expect(update.dueAt?.toISOString()).toBe(MONDAY_WINDOW);
    expect((await Project.findOne({ firmId: 'owed-active' }).lean())?.pendingChange).toBeNull();
  });

  test('inactive firm keeps a preview', async () => {
    await createFirm('owed-inactive', 'connected_inactive');
    await upsert('owed-inactive', [matter()]);

    const result = await recordOwedChanges(deps, 'owed-inactive', [5001]);

    expect(result?.preview).toBe(1);
    expect((await Notification.findOne({ firmId: 'owed-inactive' }).lean())?.state).toBe('preview');
  });

  test('change left by an interrupted page is recorded by the retry', async () => {
    await createFirm('owed-retry', 'active');
    await upsert('owed-retry', [matter()]);
    // The page stopped after its write; the retried page finds the matter unchanged.
    const retried = await upsert('owed-retry', [matter()]);

    const result = await recordOwedChanges(deps, 'owed-retry', retried.owingMatterIds);

    expect(retried.unchanged).toBe(1);
    expect(retried.changes).toEqual([]);
    expect(retried.owingMatterIds).toEqual([5001]);
    expect(result?.queued).toBe(1);
    expect(await Notification.countDocuments({ firmId: 'owed-retry', kind: 'new_project' })).toBe(1);
  });

  test('closed matter notifies no one', async () => {
    await createFirm('owed-closed', 'active');
    await upsert('owed-closed', [matter()]);
    await Project.updateOne({ firmId: 'owed-closed' }, { $set: { pendingChange: null } });
    await upsert('owed-closed', [matter({ etag: '"e2"', status: 'Closed', matter_stage: { id: 104, name: 'Final Order', order: 4 } })]);

    const result = await recordOwedChanges(deps, 'owed-closed', [5001]);

    expect(result?.suppressed).toBe(1);
    const update = await Notification.findOne({ firmId: 'owed-closed', kind: 'phase_change' }).lean();
    expect(update?.decision?.reason).toBe('project_closed');
    expect(update?.recipients[0].status).toBe('suppressed');
  });

  test('re-derive after a mapping save records nothing', async () => {
    await createFirm('owed-rederive', 'active');
    await upsert('owed-rederive', [matter()]);
    await recordOwedChanges(deps, 'owed-rederive', [5001]);
    await saveFirmMapping('owed-rederive', stageMapping(), null);
    await SyncRun.create({ _id: 'rederive-1', firmId: 'owed-rederive', kind: 'rederive', trigger: 'mapping_changed', requestedAt: new Date() });

    await new MockActivityEnvironment().run(createActivities(deps).rederiveProjects, 'owed-rederive', 'rederive-1');

    expect((await Project.findOne({ firmId: 'owed-rederive' }).lean())?.phase).toBe('Working on it');
    expect(await Notification.countDocuments({ firmId: 'owed-rederive', kind: 'phase_change' })).toBe(0);
  });
});
