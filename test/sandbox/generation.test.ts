import { generateAccount } from '../../sandbox/data/generate-account';
import { MatterTable } from '../../sandbox/data/matter-table';
import { api, connect, createTestClock, startSandbox, type TestSandbox } from './sandbox-client';

const ALL_MATTER_FIELDS = [
  'id', 'etag', 'number', 'display_number', 'description', 'status', 'open_date', 'pending_date', 'close_date',
  'created_at', 'updated_at', 'matter_stage_updated_at',
  'client{id,etag,name,first_name,last_name,type,primary_email_address,primary_phone_number}',
  'practice_area{id,etag,name,code,category}', 'matter_stage{id,etag,name,order,practice_area_id}',
  'responsible_attorney{id,etag,name,email,enabled,subscription_type}',
  'originating_attorney{id,etag,name,email,enabled,subscription_type}',
].join(',');

const ids = {
  accountId: 1,
  firstUserId: 100,
  firstPracticeAreaId: 200,
  firstMatterStageId: 300,
  firstCustomFieldId: 400,
  firstPicklistOptionId: 500,
  firstContactId: 1000,
  firstMatterId: 100_000,
};
const NOW = Date.parse('2026-03-02T15:00:00Z');

async function readAllMatters(seed: number): Promise<unknown[]> {
  const sandbox: TestSandbox = await startSandbox({ now: createTestClock().now, defaultAccount: { matters: 250, seed } });
  try {
    const connection = await connect(sandbox);
    const first = await api(sandbox, connection, `/matters.json?fields=${ALL_MATTER_FIELDS}`);
    const second = await api(sandbox, connection, `/matters.json?fields=${ALL_MATTER_FIELDS}&page_token=${new URL(first.body.meta.paging.next).searchParams.get('page_token')}`);
    return [...first.body.data, ...second.body.data];
  } finally {
    await sandbox.close();
  }
}

describe('generated accounts', () => {
  test('same seed gives the same matters', async () => {
    const first = await readAllMatters(42);
    const second = await readAllMatters(42);

    expect(first).toHaveLength(250);
    expect(second).toEqual(first);
  });

  test('different seed gives other matters', async () => {
    const first = await readAllMatters(42);
    const other = await readAllMatters(43);

    expect(other).not.toEqual(first);
  });

  test('account has practice areas, stages and users', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const account = generateAccount({ ids, region: 'us', seed, matterCount: 50, now: NOW });
      expect(account.practiceAreas.length).toBeGreaterThanOrEqual(4);
      expect(account.practiceAreas.length).toBeLessThanOrEqual(6);
      for (const area of account.practiceAreas) {
        const orders = account.matterStages.filter((stage) => stage.practiceAreaId === area.id).map((stage) => stage.order);
        expect(orders.length).toBeGreaterThanOrEqual(3);
        expect(orders.length).toBeLessThanOrEqual(6);
        expect(orders).toEqual(orders.map((_, index) => index + 1));
      }
      expect(account.users.length).toBeGreaterThanOrEqual(4);
      expect(account.users[0]?.subscriptionType).toBe('Attorney');
      expect(account.users.filter((user) => user.subscriptionType === 'NonAttorney')).toHaveLength(1);
    }
  });

  test('matters mix statuses, client types and nulls', () => {
    const account = generateAccount({ ids, region: 'ca', seed: 9, matterCount: 1000, now: NOW });
    const statuses = new Set<string>();
    const clientTypes = new Set<string>();
    for (let index = 0; index < 1000; index += 1) {
      statuses.add(account.matters.statusAt(index));
      clientTypes.add(account.contacts.at(account.matters.client[index] ?? 0).type);
    }
    const openShare = Array.from({ length: 1000 }, (_, index) => account.matters.statusAt(index)).filter((status) => status === 'Open').length / 1000;

    expect([...statuses].sort()).toEqual(['Closed', 'Open', 'Pending']);
    expect(openShare).toBeGreaterThan(0.7);
    expect([...clientTypes].sort()).toEqual(['Company', 'Person']);
    expect(account.matters.matterStage.some((stage) => stage === -1)).toBe(true);
    expect(account.contacts.at(0).primaryPhoneNumber).toMatch(/^\(604\) 555-01\d{2}$/);
  });

  test('times lie in the past and ids follow creation', () => {
    const account = generateAccount({ ids, region: 'us', seed: 4, matterCount: 2000, now: NOW });
    const { matters } = account;

    for (let index = 0; index < matters.count; index += 1) {
      expect(matters.createdAt[index]).toBeLessThanOrEqual(matters.updatedAt[index] ?? 0);
      expect(matters.updatedAt[index]).toBeLessThan(NOW);
      if (index > 0) expect(matters.createdAt[index]).toBeGreaterThanOrEqual(matters.createdAt[index - 1] ?? 0);
      const closeDate = matters.closeDate[index] ?? Number.NaN;
      if (!Number.isNaN(closeDate)) expect(closeDate).toBeGreaterThanOrEqual(matters.openDate[index] ?? 0);
    }
  });

  test('100,000 matters stay compact', () => {
    const startedAt = Date.now();
    const account = generateAccount({ ids, region: 'au', seed: 1, matterCount: 100_000, now: NOW });
    const elapsedMs = Date.now() - startedAt;
    const bytes = Object.values(account.matters)
      .filter((column): column is ArrayBufferView => ArrayBuffer.isView(column))
      .reduce((total, column) => total + column.byteLength, 0);

    expect(account.matters).toBeInstanceOf(MatterTable);
    expect(bytes / 100_000).toBeLessThanOrEqual(64);
    expect(elapsedMs).toBeLessThan(5000);
  });
});
