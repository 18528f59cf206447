import { api, connect, startSandbox, type Connection, type TestSandbox } from './sandbox-client';

describe('fields parameter', () => {
  let sandbox: TestSandbox;
  let connection: Connection;
  let firstMatterId: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ defaultAccount: { matters: 60, seed: 3 } });
    connection = await connect(sandbox);
    firstMatterId = sandbox.store.listAccounts()[0]?.matters.firstId ?? 0;
  });

  afterAll(async () => {
    await sandbox.close();
  });

  test('default returns id and etag only', async () => {
    const list = await api(sandbox, connection, '/matters.json?limit=3');
    const single = await api(sandbox, connection, `/matters/${firstMatterId}.json`);

    expect(list.status).toBe(200);
    for (const matter of list.body.data) expect(Object.keys(matter)).toEqual(['id', 'etag']);
    expect(Object.keys(single.body.data)).toEqual(['id', 'etag']);
    expect(single.body.data.etag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  test('scalar fields come in the requested order', async () => {
    const answer = await api(sandbox, connection, `/matters/${firstMatterId}.json?fields=status,id,display_number,description`);

    expect(Object.keys(answer.body.data)).toEqual(['status', 'id', 'display_number', 'description']);
    expect(['Open', 'Pending', 'Closed']).toContain(answer.body.data.status);
    expect(answer.body.data.display_number).toMatch(/^00001-/);
  });

  test('nested fields select inside braces', async () => {
    const answer = await api(sandbox, connection, `/matters/${firstMatterId}.json?fields=id,client{id,name,type},responsible_attorney{name,email}`);
    const { client } = answer.body.data;

    expect(answer.status).toBe(200);
    expect(Object.keys(client)).toEqual(['id', 'name', 'type']);
    expect(['Person', 'Company']).toContain(client.type);
  });

  test('bare nested name returns its id and etag', async () => {
    const answer = await api(sandbox, connection, `/matters/${firstMatterId}.json?fields=client`);

    expect(Object.keys(answer.body.data.client)).toEqual(['id', 'etag']);
  });

  test('second nesting level answers 400', async () => {
    const answer = await api(sandbox, connection, '/matters.json?fields=id,matter_stage{id,practice_area{name}}');

    expect(answer.status).toBe(400);
    expect(answer.body.error.type).toBe('ArgumentError');
    expect(answer.body.error.message).toContain('only one level of nesting');
  });

  test('unknown field answers 400', async () => {
    const answer = await api(sandbox, connection, '/matters.json?fields=id,colour');

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: { type: 'ArgumentError', message: expect.stringContaining('"colour"') } });
  });

  test('unknown nested field answers 400', async () => {
    const answer = await api(sandbox, connection, '/matters.json?fields=client{shoe_size}');

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('shoe_size');
  });

  test('braces on a scalar field answer 400', async () => {
    const answer = await api(sandbox, connection, '/matters.json?fields=status{id}');

    expect(answer.status).toBe(400);
    expect(answer.body.error.type).toBe('ArgumentError');
  });

  test('unbalanced braces answer 400', async () => {
    const answer = await api(sandbox, connection, '/matters.json?fields=client{id');

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('never closed');
  });

  test('empty values are null as Clio sends them', async () => {
    const fields = 'id,status,open_date,pending_date,close_date,matter_stage{id},matter_stage_updated_at,originating_attorney';
    const answer = await api(sandbox, connection, `/matters.json?fields=${fields}`);
    const matters: Array<Record<string, unknown>> = answer.body.data;

    for (const matter of matters.filter((candidate) => candidate.status === 'Open')) expect(matter.close_date).toBeNull();
    for (const matter of matters.filter((candidate) => candidate.status === 'Pending')) expect(matter.open_date).toBeNull();
    for (const matter of matters.filter((candidate) => candidate.matter_stage === null)) expect(matter.matter_stage_updated_at).toBeNull();
    expect(matters.some((matter) => matter.originating_attorney === null)).toBe(true);
  });

  test('dates and timestamps use ISO-8601', async () => {
    const answer = await api(sandbox, connection, `/matters/${firstMatterId}.json?fields=open_date,pending_date,created_at,updated_at`);
    const matter = answer.body.data;

    expect(matter.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    expect(matter.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    expect(matter.open_date ?? matter.pending_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('matter stage practice_area_id is a string', async () => {
    const answer = await api(sandbox, connection, '/matter_stages.json?fields=id,name,order,practice_area_id');

    expect(answer.body.data.length).toBeGreaterThan(0);
    for (const stage of answer.body.data) expect(typeof stage.practice_area_id).toBe('string');
  });

  test('who_am_i returns the selected user fields', async () => {
    const answer = await api(sandbox, connection, '/users/who_am_i.json?fields=id,etag,name,email,enabled,subscription_type,time_zone');

    expect(answer.body.data).toEqual({
      id: expect.any(Number),
      etag: expect.any(String),
      name: expect.any(String),
      email: expect.stringContaining('@'),
      enabled: true,
      subscription_type: 'Attorney',
      time_zone: 'Eastern Time (US & Canada)',
    });
  });

  test('unsupported query parameter answers 400', async () => {
    const answer = await api(sandbox, connection, '/matters.json?client_id=5');

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('"client_id"');
  });
});
