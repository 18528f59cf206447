import { admin, api, connect, createTestClock, startSandbox, type Connection, type ResponseBody, type TestSandbox } from './sandbox-client';

const FIELD_FIELDS = 'id,etag,name,parent_type,field_type,displayed,deleted,required,display_order,picklist_options{id,option,deleted_at}';
const VALUE_FIELDS = 'custom_field_values{id,value,field_name,field_type,soft_deleted,custom_field,picklist_option}';

describe('custom fields', () => {
  const clock = createTestClock();
  let sandbox: TestSandbox;
  let connection: Connection;
  let accountId: number;
  let matterFields: ResponseBody[];

  beforeAll(async () => {
    sandbox = await startSandbox({ now: clock.now, defaultAccount: { matters: 150, seed: 8 } });
    connection = await connect(sandbox);
    accountId = sandbox.defaultAccountId ?? 0;
    matterFields = (await api(sandbox, connection, `/custom_fields.json?parent_type=matter&fields=${FIELD_FIELDS}`)).body.data;
  });

  afterAll(async () => {
    await sandbox.close();
  });

  function fieldNamed(name: string): ResponseBody {
    const field = matterFields.find((candidate) => candidate.name === name);
    if (!field) throw new Error(`The generated account has no matter custom field "${name}".`);
    return field;
  }

  async function valuesOf(matterId: number): Promise<ResponseBody[]> {
    const answer = await api(sandbox, connection, `/matters/${matterId}.json?fields=${VALUE_FIELDS}`);
    return answer.body.data.custom_field_values;
  }

  test('parent_type filter returns capitalized parent types', async () => {
    const contactFields = await api(sandbox, connection, `/custom_fields.json?parent_type=contact&fields=${FIELD_FIELDS}`);

    expect(matterFields.length).toBeGreaterThanOrEqual(5);
    for (const field of matterFields) expect(field.parent_type).toBe('Matter');
    expect(contactFields.body.data.length).toBeGreaterThanOrEqual(3);
    for (const field of contactFields.body.data) expect(field.parent_type).toBe('Contact');
  });

  test('matter fields include a picklist and a checkbox', () => {
    const phase = fieldNamed('Case phase');
    const sync = fieldNamed('Sync to client app');

    expect(phase.field_type).toBe('picklist');
    expect(phase.picklist_options.length).toBeGreaterThanOrEqual(3);
    expect(phase.picklist_options.some((option: ResponseBody) => option.deleted_at !== null)).toBe(true);
    expect(sync.field_type).toBe('checkbox');
    expect(sync.picklist_options).toEqual([]);
    expect(new Set(matterFields.map((field) => field.field_type)).size).toBeGreaterThanOrEqual(5);
    expect(matterFields.map((field) => field.display_order)).toEqual(matterFields.map((_, index) => index));
  });

  test('deleted filter and field_type filter', async () => {
    const deleted = await api(sandbox, connection, '/custom_fields.json?deleted=true&fields=id,deleted');
    const checkboxes = await api(sandbox, connection, '/custom_fields.json?field_type=checkbox&fields=field_type');
    const badType = await api(sandbox, connection, '/custom_fields.json?field_type=colour');
    const badParent = await api(sandbox, connection, '/custom_fields.json?parent_type=Matter');

    expect(deleted.body.data.length).toBeGreaterThan(0);
    expect(deleted.body.data.every((field: ResponseBody) => field.deleted)).toBe(true);
    expect(checkboxes.body.data.every((field: ResponseBody) => field.field_type === 'checkbox')).toBe(true);
    expect(badType.status).toBe(400);
    expect(badParent.status).toBe(400);
    expect(badParent.body.error.message).toContain('"Matter"');
  });

  test('picklist value is the option id as a string', async () => {
    const answer = await api(sandbox, connection, `/matters.json?fields=${VALUE_FIELDS}`);
    const phaseValues = answer.body.data
      .flatMap((matter: ResponseBody) => matter.custom_field_values)
      .filter((value: ResponseBody) => value.field_name === 'Case phase' && value.id !== null);
    const options = new Map<number, string>(fieldNamed('Case phase').picklist_options.map((option: ResponseBody) => [option.id, option.option]));

    expect(phaseValues.length).toBeGreaterThan(50);
    for (const value of phaseValues) {
      expect(value.id).toMatch(/^picklist-\d+$/);
      expect(typeof value.value).toBe('string');
      expect(value.picklist_option.id).toBe(Number(value.value));
      expect(value.picklist_option.option).toBe(options.get(Number(value.value)));
      expect(value.custom_field).toEqual({ id: fieldNamed('Case phase').id, etag: expect.any(String) });
    }
  });

  test('values of a deleted field are soft-deleted', async () => {
    const answer = await api(sandbox, connection, `/matters.json?fields=${VALUE_FIELDS}`);
    const values: ResponseBody[] = answer.body.data.flatMap((matter: ResponseBody) => matter.custom_field_values);
    const legacy = values.filter((value) => value.field_name === 'Legacy intake code');

    expect(legacy.length).toBeGreaterThan(0);
    expect(legacy.every((value) => value.soft_deleted === true)).toBe(true);
    expect(values.filter((value) => value.field_name !== 'Legacy intake code').every((value) => value.soft_deleted === false)).toBe(true);
  });

  test('displayed field without a value has null id and value', async () => {
    const answer = await api(sandbox, connection, `/matters.json?fields=${VALUE_FIELDS}`);
    const empty = answer.body.data
      .flatMap((matter: ResponseBody) => matter.custom_field_values)
      .filter((value: ResponseBody) => value.id === null);

    expect(empty.length).toBeGreaterThan(0);
    for (const value of empty) {
      expect(value.value).toBeNull();
      expect(['Case phase', 'Sync to client app']).toContain(value.field_name);
    }
  });

  test('contacts carry custom field values', async () => {
    const answer = await api(sandbox, connection, '/contacts.json?fields=custom_field_values{id,value,field_name,picklist_option}');
    const values = answer.body.data.flatMap((contact: ResponseBody) => contact.custom_field_values);

    expect(values.some((value: ResponseBody) => value.field_name === 'Preferred contact method' && value.picklist_option !== null)).toBe(true);
  });

  test('admin sets a picklist value and bumps the matter', async () => {
    const matterId = sandbox.store.getAccount(accountId).matters.firstId + 3;
    const phase = fieldNamed('Case phase');
    const option = phase.picklist_options.find((candidate: ResponseBody) => candidate.deleted_at === null);
    const before = await api(sandbox, connection, `/matters/${matterId}.json?fields=etag,updated_at`);
    clock.advanceSeconds(45);

    const set = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/custom-field-values`, { customFieldId: phase.id, value: option.id });
    const after = await api(sandbox, connection, `/matters/${matterId}.json?fields=etag,updated_at`);
    const value = (await valuesOf(matterId)).find((candidate) => candidate.field_name === 'Case phase');

    expect(set.status).toBe(200);
    expect(set.body.customFieldValue).toEqual({ id: value.id, value: String(option.id), customFieldId: phase.id });
    expect(value.value).toBe(String(option.id));
    expect(value.picklist_option).toEqual({ id: option.id, etag: expect.any(String), option: option.option });
    expect(after.body.data.etag).not.toBe(before.body.data.etag);
    expect(Date.parse(after.body.data.updated_at)).toBe(clock.now().getTime());
    expect(set.body.matter.etag).toBe(after.body.data.etag);
  });

  test('admin sets and clears a checkbox value', async () => {
    const matterId = sandbox.store.getAccount(accountId).matters.firstId + 4;
    const sync = fieldNamed('Sync to client app');

    await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/custom-field-values`, { customFieldId: sync.id, value: true });
    const checked = (await valuesOf(matterId)).find((value) => value.field_name === 'Sync to client app');
    await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/custom-field-values`, { customFieldId: sync.id, value: null });
    const cleared = (await valuesOf(matterId)).find((value) => value.field_name === 'Sync to client app');

    expect(checked.value).toBe('true');
    expect(checked.id).toMatch(/^checkbox-\d+$/);
    expect(cleared).toMatchObject({ id: null, value: null });
  });

  test('admin sets values of other types', async () => {
    const matterId = sandbox.store.getAccount(accountId).matters.firstId + 5;
    const cases: Array<[string, unknown, string]> = [
      ['Court file number', 'CV-2026-00042', 'CV-2026-00042'],
      ['Limitation date', '2027-01-31', '2027-01-31'],
      ['Claim value', 1250.5, '1250.5'],
      ['Notes for the client', 'Call before the hearing.', 'Call before the hearing.'],
    ];
    for (const [name, input, stored] of cases) {
      const answer = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/custom-field-values`, { customFieldId: fieldNamed(name).id, value: input });
      expect(answer.status).toBe(200);
      expect(answer.body.customFieldValue.value).toBe(stored);
    }
    const values = await valuesOf(matterId);

    for (const [name, , stored] of cases) expect(values.find((value) => value.field_name === name)?.value).toBe(stored);
  });

  test('admin rejects invalid values', async () => {
    const matterId = sandbox.store.getAccount(accountId).matters.firstId + 6;
    const phase = fieldNamed('Case phase');
    const deletedOption = phase.picklist_options.find((option: ResponseBody) => option.deleted_at !== null);
    const post = (body: unknown) => admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/custom-field-values`, body);

    const label = await post({ customFieldId: phase.id, value: 'Intake' });
    const retired = await post({ customFieldId: phase.id, value: deletedOption.id });
    const checkbox = await post({ customFieldId: fieldNamed('Sync to client app').id, value: 'yes' });
    const date = await post({ customFieldId: fieldNamed('Limitation date').id, value: '2027-02-30' });
    const deletedField = await post({ customFieldId: fieldNamed('Legacy intake code').id, value: 'X-1' });
    const unknownField = await post({ customFieldId: 1, value: 'x' });
    const missingValue = await post({ customFieldId: phase.id });

    expect(label.status).toBe(400);
    expect(label.body.error.code).toBe('invalid_custom_field_value');
    expect(label.body.error.message).toContain('"Intake"');
    expect(retired.status).toBe(400);
    expect(checkbox.status).toBe(400);
    expect(date.status).toBe(400);
    expect(deletedField.status).toBe(400);
    expect(deletedField.body.error.message).toContain('deleted');
    expect(unknownField.status).toBe(404);
    expect(unknownField.body.error.code).toBe('custom_field_not_found');
    expect(missingValue.status).toBe(400);
  });

  test('contact field is not a matter field', async () => {
    const matterId = sandbox.store.getAccount(accountId).matters.firstId;
    const contactField = sandbox.store.getAccount(accountId).customFields.find((field) => field.parentType === 'Contact');

    const answer = await admin(sandbox, 'POST', `/accounts/${accountId}/matters/${matterId}/custom-field-values`, { customFieldId: contactField?.id, value: 'x' });

    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('custom_field_not_found');
  });

  test('same seed gives the same values', async () => {
    const path = `/matters.json?limit=50&fields=id,${VALUE_FIELDS}`;
    const read = async (): Promise<ResponseBody[]> => {
      const fresh = await startSandbox({ now: createTestClock().now, defaultAccount: { matters: 150, seed: 8 } });
      try {
        return (await api(fresh, await connect(fresh), path)).body.data;
      } finally {
        await fresh.close();
      }
    };

    const first = await read();
    const second = await read();

    expect(first.length).toBe(50);
    expect(second).toEqual(first);
  });
});
