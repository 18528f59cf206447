import { api, connect, get, startSandbox, type Connection, type ResponseBody, type TestSandbox } from './sandbox-client';

describe('list paging and filters', () => {
  let sandbox: TestSandbox;
  let connection: Connection;

  beforeAll(async () => {
    sandbox = await startSandbox({ defaultAccount: { matters: 450, seed: 7 } });
    connection = await connect(sandbox);
  });

  afterAll(async () => {
    await sandbox.close();
  });

  async function followPages(firstPath: string): Promise<{ pages: ResponseBody[]; ids: number[] }> {
    const pages: ResponseBody[] = [];
    let answer = await api(sandbox, connection, firstPath);
    pages.push(answer.body);
    while (answer.body.meta.paging.next) {
      answer = await get(answer.body.meta.paging.next, { Authorization: `Bearer ${connection.accessToken}` });
      expect(answer.status).toBe(200);
      pages.push(answer.body);
    }
    const ids = pages.flatMap((page) => page.data.map((matter: { id: number }) => matter.id));
    return { pages, ids };
  }

  test('cursor paging returns each matter once', async () => {
    const { pages, ids } = await followPages('/matters.json?order=id(asc)&fields=id,status');

    expect(pages.map((page) => page.data.length)).toEqual([200, 200, 50]);
    expect(ids).toHaveLength(450);
    expect(new Set(ids).size).toBe(450);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(pages[0]?.meta.records).toBe(450);
    expect(pages[2]?.meta.paging.next).toBeUndefined();
  });

  test('next link keeps the other parameters', async () => {
    const answer = await api(sandbox, connection, '/matters.json?order=id(asc)&limit=10&fields=id,client{name}&status=open');
    const next = new URL(answer.body.meta.paging.next);

    expect(next.origin).toBe(sandbox.url);
    expect(next.pathname).toBe('/us/api/v4/matters.json');
    expect(next.searchParams.get('limit')).toBe('10');
    expect(next.searchParams.get('fields')).toBe('id,client{name}');
    expect(next.searchParams.get('status')).toBe('open');
    expect(next.searchParams.get('order')).toBe('id(asc)');
    expect(next.searchParams.get('page_token')).toBeTruthy();
  });

  test('limit outside 1 to 200 answers 400', async () => {
    for (const limit of ['0', '201', 'ten']) {
      const answer = await api(sandbox, connection, `/matters.json?limit=${limit}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toContain(`"${limit}"`);
    }
  });

  test('invalid page_token answers 400', async () => {
    const answer = await api(sandbox, connection, '/matters.json?page_token=garbage');

    expect(answer.status).toBe(400);
    expect(answer.body.error.type).toBe('ArgumentError');
  });

  test('offset paging links by offset', async () => {
    const answer = await api(sandbox, connection, '/matters.json?offset=200&limit=100');
    const next = new URL(answer.body.meta.paging.next);
    const previous = new URL(answer.body.meta.paging.previous);

    expect(answer.body.data).toHaveLength(100);
    expect(next.searchParams.get('offset')).toBe('300');
    expect(previous.searchParams.get('offset')).toBe('100');
  });

  test('offset past 10,000 records answers 422', async () => {
    const answer = await api(sandbox, connection, '/matters.json?offset=10000');

    expect(answer.status).toBe(422);
    expect(answer.body.error.message).toContain('10000');
  });

  test('order id(desc) pages backwards', async () => {
    const answer = await api(sandbox, connection, '/matters.json?order=id(desc)&limit=5');
    const ids: number[] = answer.body.data.map((matter: { id: number }) => matter.id);

    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(new URL(answer.body.meta.paging.next).searchParams.get('offset')).toBe('5');
  });

  test('updated_since compares strictly after', async () => {
    const all = await followPages('/matters.json?fields=id,updated_at');
    const matters = all.pages.flatMap((page) => page.data as Array<{ id: number; updated_at: string }>);
    const pivot = [...matters].sort((a, b) => a.updated_at.localeCompare(b.updated_at))[300];
    const since = encodeURIComponent(pivot?.updated_at ?? '');
    const expected = matters.filter((matter) => Date.parse(matter.updated_at) > Date.parse(pivot?.updated_at ?? '')).map((matter) => matter.id);

    const filtered = await followPages(`/matters.json?fields=id,updated_at&updated_since=${since}`);

    expect(filtered.ids).toEqual(expected);
    expect(filtered.ids).not.toContain(pivot?.id);
    expect(filtered.pages[0]?.meta.records).toBe(expected.length);
  });

  test('unencoded plus in updated_since answers 400 with a hint', async () => {
    const answer = await api(sandbox, connection, '/matters.json?updated_since=2024-01-01T00:00:00+00:00');

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('%2B');
  });

  test('status filter takes a lowercase list', async () => {
    const answer = await followPages('/matters.json?fields=id,status&status=pending,closed');
    const statuses = new Set(answer.pages.flatMap((page) => page.data.map((matter: { status: string }) => matter.status)));

    expect([...statuses].sort()).toEqual(['Closed', 'Pending']);
  });

  test('unknown status answers 400', async () => {
    const answer = await api(sandbox, connection, '/matters.json?status=Open');

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('"Open"');
  });

  test('ids[] filter returns those matters', async () => {
    const firstId = sandbox.store.listAccounts()[0]?.matters.firstId ?? 0;
    const answer = await api(sandbox, connection, `/matters.json?ids[]=${firstId + 5}&ids[]=${firstId + 1}&ids[]=1`);

    expect(answer.body.data.map((matter: { id: number }) => matter.id)).toEqual([firstId + 1, firstId + 5]);
    expect(answer.body.meta.records).toBe(2);
  });

  test('practice areas and stages page the same way', async () => {
    const areas = await api(sandbox, connection, '/practice_areas.json?fields=id,name,code,category&limit=2');
    const areaId = areas.body.data[0].id;
    const stages = await api(sandbox, connection, `/matter_stages.json?practice_area_id=${areaId}&fields=id,name,order,practice_area_id`);

    expect(areas.body.data).toHaveLength(2);
    expect(areas.body.meta.paging.next).toContain('page_token=');
    expect(stages.body.data.length).toBeGreaterThanOrEqual(3);
    expect(stages.body.data.map((stage: { order: number }) => stage.order)).toEqual(stages.body.data.map((_: unknown, index: number) => index + 1));
    for (const stage of stages.body.data) expect(stage.practice_area_id).toBe(String(areaId));
  });
});
