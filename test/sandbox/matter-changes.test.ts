import { addMatter } from '../../sandbox/store/add-matter';
import { MAX_ADDED_MATTERS } from '../../sandbox/store/sandbox-store';
import { admin, api, connect, createTestClock, get, startSandbox, type Connection, type ResponseBody, type TestSandbox } from './sandbox-client';

const FIELDS = 'id,etag,number,display_number,description,status,open_date,pending_date,close_date,created_at,updated_at,client{id},practice_area{id},matter_stage{id}';

describe('matter changes through the admin API', () => {
  const clock = createTestClock('2026-03-02T15:00:00Z');
  let sandbox: TestSandbox;
  let connection: Connection;
  let accountId: number;
  let firstMatterId: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ now: clock.now, defaultAccount: { matters: 40, seed: 12 } });
    connection = await connect(sandbox);
    accountId = sandbox.defaultAccountId ?? 0;
    firstMatterId = sandbox.store.getAccount(accountId).matters.firstId;
  });

  afterAll(async () => {
    await sandbox.close();
  });

  async function matter(matterId: number): Promise<ResponseBody> {
    return (await api(sandbox, connection, `/matters/${matterId}.json?fields=${FIELDS}`)).body.data;
  }

  async function listedIds(query = ''): Promise<number[]> {
    const ids: number[] = [];
    let answer = await api(sandbox, connection, `/matters.json?fields=id${query}`);
    ids.push(...answer.body.data.map((item: { id: number }) => item.id));
    while (answer.body.meta.paging.next) {
      answer = await get(answer.body.meta.paging.next, { Authorization: `Bearer ${connection.accessToken}` });
      ids.push(...answer.body.data.map((item: { id: number }) => item.id));
    }
    return ids;
  }

  function liveMatterWithStatus(status: string): number {
    const account = sandbox.store.getAccount(accountId);
    for (let index = 0; index < account.matters.count; index += 1) {
      if (!account.matters.isDeleted(index) && account.matters.statusAt(index) === status) return account.matters.idAt(index);
    }
    throw new Error(`The generated account has no ${status} matter.`);
  }

  test('add matter with defaults', async () => {
    clock.advanceSeconds(10);
    const added = await admin(sandbox, 'POST', `/accounts/${accountId}/matters`, {});
    const fetched = await matter(added.body.matterId);

    expect(added.status).toBe(201);
    expect(added.body.matterId).toBe(firstMatterId + 40);
    expect(fetched.number).toBe(41);
    expect(fetched.display_number).toMatch(/^00041-/);
    expect(fetched.status).toBe('Open');
    expect(fetched.open_date).toBe('2026-03-02');
    expect(fetched.close_date).toBeNull();
    expect(Date.parse(fetched.created_at)).toBe(clock.now().getTime());
    expect(fetched.updated_at).toBe(fetched.created_at);
    expect(fetched.etag).toBe(added.body.etag);
    expect(await listedIds()).toContain(added.body.matterId);
  });

  test('add matter with explicit fields', async () => {
    const account = sandbox.store.getAccount(accountId);
    const area = account.practiceAreas[1];
    const stage = account.matterStages.filter((candidate) => candidate.practiceAreaId === area?.id)[1];
    const sync = account.customFields.find((field) => field.name === 'Sync to client app');
    const clientId = account.contacts.firstId + 2;
    const relatedId = account.contacts.firstId + 7;

    const added = await admin(sandbox, 'POST', `/accounts/${accountId}/matters`, {
      clientId,
      description: 'Lease dispute',
      status: 'Pending',
      practiceAreaId: area?.id,
      matterStageId: stage?.id,
      responsibleAttorneyId: account.users[1]?.id,
      relationships: [{ contactId: relatedId, description: 'Spouse' }],
      customFieldValues: [{ customFieldId: sync?.id, value: true }],
    });
    const fields = `${FIELDS},responsible_attorney{id},relationships{description,contact},custom_field_values{field_name,value}`;
    const fetched = (await api(sandbox, connection, `/matters/${added.body.matterId}.json?fields=${fields}`)).body.data;

    expect(added.status).toBe(201);
    expect(fetched.client.id).toBe(clientId);
    expect(fetched.description).toBe('Lease dispute');
    expect(fetched.status).toBe('Pending');
    expect(fetched.open_date).toBeNull();
    expect(fetched.pending_date).toBe('2026-03-02');
    expect(fetched.practice_area.id).toBe(area?.id);
    expect(fetched.matter_stage.id).toBe(stage?.id);
    expect(fetched.responsible_attorney.id).toBe(account.users[1]?.id);
    expect(fetched.relationships).toEqual([{ description: 'Spouse', contact: { id: relatedId, etag: expect.any(String) } }]);
    expect(fetched.custom_field_values).toContainEqual({ field_name: 'Sync to client app', value: 'true' });
  });

  test('add matter rejects bad references and bodies', async () => {
    const account = sandbox.store.getAccount(accountId);
    const foreignStage = account.matterStages.find((stage) => stage.practiceAreaId !== account.practiceAreas[0]?.id);

    const badClient = await admin(sandbox, 'POST', `/accounts/${accountId}/matters`, { clientId: 3 });
    const badStage = await admin(sandbox, 'POST', `/accounts/${accountId}/matters`, { practiceAreaId: account.practiceAreas[0]?.id, matterStageId: foreignStage?.id });
    const badStatus = await admin(sandbox, 'POST', `/accounts/${accountId}/matters`, { status: 'Archived' });
    const unknownKey = await admin(sandbox, 'POST', `/accounts/${accountId}/matters`, { colour: 'red' });
    const unknownAccount = await admin(sandbox, 'POST', '/accounts/999999/matters', {});
    const countAfter = sandbox.store.getAccount(accountId).matters.count;

    expect(badClient.status).toBe(404);
    expect(badClient.body.error.code).toBe('contact_not_found');
    expect(badStage.status).toBe(400);
    expect(badStage.body.error.code).toBe('matter_stage_outside_practice_area');
    expect(badStatus.status).toBe(400);
    expect(unknownKey.status).toBe(400);
    expect(unknownAccount.status).toBe(404);
    expect(countAfter).toBe(42);
  });

  test('close and reopen set dates, updated_at and etag', async () => {
    const matterId = liveMatterWithStatus('Open');
    const before = await matter(matterId);
    clock.advanceSeconds(3600);

    const closed = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/status`, { status: 'Closed' });
    const afterClose = await matter(matterId);
    clock.advanceSeconds(3600);
    const reopened = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/status`, { status: 'open' });
    const afterReopen = await matter(matterId);

    expect(closed.status).toBe(200);
    expect(closed.body.changed).toBe(true);
    expect(afterClose.status).toBe('Closed');
    expect(afterClose.close_date).toBe(clock.now().toISOString().slice(0, 10));
    expect(afterClose.etag).not.toBe(before.etag);
    expect(afterClose.etag).toBe(closed.body.etag);
    expect(Date.parse(afterClose.updated_at)).toBe(clock.now().getTime() - 3_600_000);
    expect(reopened.body.changed).toBe(true);
    expect(afterReopen.status).toBe('Open');
    expect(afterReopen.close_date).toBeNull();
    expect(afterReopen.open_date).toBe(before.open_date);
    expect(afterReopen.etag).not.toBe(afterClose.etag);
    expect(Date.parse(afterReopen.updated_at)).toBe(clock.now().getTime());
  });

  test('pending matter opens with an open date', async () => {
    const matterId = liveMatterWithStatus('Pending');
    clock.advanceSeconds(60);

    await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/status`, { status: 'Open' });
    const opened = await matter(matterId);

    expect(opened.open_date).toBe(clock.now().toISOString().slice(0, 10));
  });

  test('same status changes nothing', async () => {
    const matterId = liveMatterWithStatus('Open');
    const before = await matter(matterId);
    clock.advanceSeconds(60);

    const answer = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/status`, { status: 'Open' });

    expect(answer.body.changed).toBe(false);
    expect(answer.body.etag).toBe(before.etag);
  });

  test('invalid status answers 400', async () => {
    const answer = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${firstMatterId}/status`, { status: 'Archived' });

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('"Archived"');
  });

  test('deleted matter vanishes and restore brings it back unchanged', async () => {
    const matterId = firstMatterId + 10;
    const before = await matter(matterId);

    const deleted = await admin(sandbox, 'DELETE', `/accounts/${accountId}/matters/${matterId}`);
    const show = await api(sandbox, connection, `/matters/${matterId}.json`);
    const idsWhileDeleted = await listedIds();
    const filtered = await api(sandbox, connection, `/matters.json?ids[]=${matterId}`);
    const summary = await admin(sandbox, 'GET', '/accounts');
    const again = await admin(sandbox, 'DELETE', `/accounts/${accountId}/matters/${matterId}`);
    const statusChange = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/status`, { status: 'Closed' });
    const restored = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/restore`);
    const after = await matter(matterId);

    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ matterId, deleted: true });
    expect(show.status).toBe(404);
    expect(idsWhileDeleted).not.toContain(matterId);
    expect(filtered.body.data).toEqual([]);
    expect(summary.body.accounts[0].matters).toBe(sandbox.store.getAccount(accountId).matters.count - 1);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toContain('deleted');
    expect(statusChange.status).toBe(404);
    expect(restored.status).toBe(200);
    expect(restored.body.deleted).toBe(false);
    expect(after).toEqual(before);
    expect(await listedIds()).toContain(matterId);
  });

  test('restore of a live matter answers 409', async () => {
    const answer = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${firstMatterId}/restore`);

    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('matter_not_deleted');
  });

  test('touch bumps N matters for updated_since', async () => {
    clock.advanceSeconds(600);
    const since = clock.now().toISOString();
    clock.advanceSeconds(5);

    const touched = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/touch`, { count: 7 });
    const changed = await listedIds(`&updated_since=${encodeURIComponent(since)}`);
    const secondRound = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/touch`, { count: 7 });

    expect(touched.status).toBe(200);
    expect(touched.body.matterIds).toHaveLength(7);
    expect(new Set(touched.body.matterIds).size).toBe(7);
    expect(Date.parse(touched.body.updatedAt)).toBe(clock.now().getTime());
    expect(changed).toEqual(touched.body.matterIds);
    expect(secondRound.body.matterIds).not.toEqual(touched.body.matterIds);
  });

  test('touch skips deleted matters and rejects too many', async () => {
    const account = sandbox.store.getAccount(accountId);
    const deletedId = firstMatterId + 20;
    await admin(sandbox, 'DELETE', `/accounts/${accountId}/matters/${deletedId}`);
    const live = account.matters.count - 1;

    const all = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/touch`, { count: live });
    const tooMany = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/touch`, { count: live + 1 });
    const zero = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/touch`, { count: 0 });
    await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${deletedId}/restore`);

    expect(all.body.matterIds).toHaveLength(live);
    expect(all.body.matterIds).not.toContain(deletedId);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain(String(live));
    expect(zero.status).toBe(400);
  });
});

describe('added matters and other accounts', () => {
  test('added matter ids never reach the next account', async () => {
    const sandbox = await startSandbox({ defaultAccount: { matters: 3, seed: 1 } });
    try {
      const firstAccountId = sandbox.defaultAccountId ?? 0;
      const second = await admin(sandbox, 'POST', '/accounts', { matters: 3, seed: 2 });
      const added: number[] = [];
      for (let i = 0; i < 5; i += 1) added.push((await admin(sandbox, 'POST', `/accounts/${firstAccountId}/matters`, {})).body.matterId);

      expect(added).toEqual(added.map((_, i) => added[0] + i));
      expect(Math.max(...added)).toBeLessThan(second.body.firstMatterId);
    } finally {
      await sandbox.close();
    }
  });

  test('account takes at most its reserved added matters', async () => {
    const sandbox = await startSandbox({ defaultAccount: { matters: 2, seed: 1 } });
    try {
      const accountId = sandbox.defaultAccountId ?? 0;
      const account = sandbox.store.getAccount(accountId);
      for (let i = 0; i < MAX_ADDED_MATTERS; i += 1) addMatter(account, {}, sandbox.store.nowMs());

      const rejected = await admin(sandbox, 'POST', `/accounts/${accountId}/matters`, {});

      expect(account.matters.count).toBe(2 + MAX_ADDED_MATTERS);
      expect(rejected.status).toBe(409);
      expect(rejected.body.error.code).toBe('matter_limit_reached');
    } finally {
      await sandbox.close();
    }
  });
});
