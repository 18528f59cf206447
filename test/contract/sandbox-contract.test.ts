import { MATTER_FIELDS, USER_FIELDS } from '../../lib/clio/types';
import { contactResource } from '../../sandbox/api/resources/contact-resource';
import { customFieldResource } from '../../sandbox/api/resources/custom-field-resource';
import { matterResource } from '../../sandbox/api/resources/matter-resource';
import { matterStageResource } from '../../sandbox/api/resources/matter-stage-resource';
import { practiceAreaResource } from '../../sandbox/api/resources/practice-area-resource';
import { userResource } from '../../sandbox/api/resources/user-resource';
import type { ResourceType } from '../../sandbox/api/resource-type';
import {
  admin,
  api,
  connect,
  get,
  refresh,
  startSandbox,
  type Connection,
  type ParsedResponse,
  type ResponseBody,
  type TestSandbox,
} from '../sandbox/sandbox-client';
import { checkOAuthError, ClioContract } from './openapi-validator';

/** The matter fields the product requests, with the related contacts and custom field values it reads. */
const PRODUCT_MATTER_FIELDS = [
  MATTER_FIELDS,
  'responsible_staff{id,name,email}',
  'relationships{id,description,contact}',
  'custom_field_values{id,value,field_name,field_type,soft_deleted,custom_field,picklist_option}',
].join(',');

/** The contact fields of the product's batched contact read. */
const PRODUCT_CONTACT_FIELDS = [
  'id,etag,name,first_name,last_name,type,is_client,primary_email_address,primary_phone_number',
  'email_addresses{id,address,name,primary}',
  'phone_numbers{id,number,name,primary}',
  'custom_field_values{id,value,field_name,field_type,custom_field,picklist_option}',
].join(',');

const CUSTOM_FIELD_FIELDS = 'id,etag,name,parent_type,field_type,displayed,deleted,required,display_order,picklist_options{id,option,deleted_at}';

/** Builds a `fields` parameter naming every field the sandbox serves for a type, nested ones with all their fields. */
function everyField<T>(type: ResourceType<T>): string {
  const nested = Object.entries(type.nested ?? {}).map(([name, field]) => `${name}{${field.fieldNames.join(',')}}`);
  return [...Object.keys(type.fields), ...nested].join(',');
}

describe('sandbox against the Clio API v4 contract', () => {
  let sandbox: TestSandbox;
  let connection: Connection;
  let contract: ClioContract;

  beforeAll(async () => {
    contract = new ClioContract();
    sandbox = await startSandbox({ defaultAccount: { matters: 260, seed: 11 } });
    connection = await connect(sandbox);
  });

  afterAll(async () => {
    await sandbox.close();
  });

  /** Checks status, content type and body against the response the spec documents for the operation. */
  function expectDocumented(answer: ParsedResponse, apiPath: string, status: number): void {
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(contract.check(contract.responseSchemaName(apiPath, 'GET', status), answer.body)).toEqual([]);
  }

  async function readAllPages(path: string): Promise<ParsedResponse[]> {
    const pages = [await api(sandbox, connection, path)];
    let next: string | undefined = pages[0]?.body.meta?.paging?.next;
    while (next) {
      const page = await get(next, { Authorization: `Bearer ${connection.accessToken}` });
      pages.push(page);
      next = page.body.meta?.paging?.next;
    }
    return pages;
  }

  function firstMatterId(): number {
    return sandbox.store.getAccount(sandbox.defaultAccountId ?? 0).matters.firstId;
  }

  test('who_am_i with the product fields', async () => {
    const answer = await api(sandbox, connection, `/users/who_am_i.json?fields=${USER_FIELDS}`);

    expectDocumented(answer, '/users/who_am_i.json', 200);
  });

  test('users list with every field', async () => {
    const answer = await api(sandbox, connection, `/users.json?fields=${everyField(userResource)}`);

    expectDocumented(answer, '/users.json', 200);
    expect(answer.body.data.length).toBeGreaterThanOrEqual(4);
  });

  test('matters list with the product fields, every page', async () => {
    const pages = await readAllPages(`/matters.json?order=id(asc)&fields=${encodeURIComponent(PRODUCT_MATTER_FIELDS)}`);
    const matters: ResponseBody[] = pages.flatMap((page) => page.body.data);

    for (const page of pages) expectDocumented(page, '/matters.json', 200);
    expect(matters).toHaveLength(260);
    // The pages must hold the nulls and nested lists that make the check meaningful.
    expect(matters.some((matter) => matter.close_date === null)).toBe(true);
    expect(matters.some((matter) => matter.matter_stage === null)).toBe(true);
    expect(matters.some((matter) => matter.relationships.length > 0)).toBe(true);
    expect(matters.some((matter) => matter.custom_field_values.some((value: ResponseBody) => value.picklist_option !== null))).toBe(true);
    expect(matters.some((matter) => matter.custom_field_values.some((value: ResponseBody) => value.id === null))).toBe(true);
  });

  test('matters list with every field', async () => {
    const answer = await api(sandbox, connection, `/matters.json?limit=200&fields=${encodeURIComponent(everyField(matterResource))}`);

    expectDocumented(answer, '/matters.json', 200);
  });

  test('matter show with the product fields', async () => {
    const answer = await api(sandbox, connection, `/matters/${firstMatterId()}.json?fields=${encodeURIComponent(PRODUCT_MATTER_FIELDS)}`);

    expectDocumented(answer, '/matters/{id}.json', 200);
  });

  test('contacts batched by ids[] with the product fields', async () => {
    const matters = await api(sandbox, connection, '/matters.json?limit=100&fields=client{id},relationships{contact}');
    const ids = new Set<number>();
    for (const matter of matters.body.data) {
      ids.add(matter.client.id);
      for (const relationship of matter.relationships) ids.add(relationship.contact.id);
    }
    const query = [...ids].map((id) => `ids[]=${id}`).join('&');

    const pages = await readAllPages(`/contacts.json?${query}&fields=${encodeURIComponent(PRODUCT_CONTACT_FIELDS)}`);
    const contacts: ResponseBody[] = pages.flatMap((page) => page.body.data);

    for (const page of pages) expectDocumented(page, '/contacts.json', 200);
    expect(contacts.map((contact) => contact.id).sort()).toEqual([...ids].sort());
    expect(contacts.some((contact) => contact.type === 'Company' && contact.first_name === null)).toBe(true);
  });

  test('contacts list with every field', async () => {
    const answer = await api(sandbox, connection, `/contacts.json?limit=200&fields=${encodeURIComponent(everyField(contactResource))}`);

    expectDocumented(answer, '/contacts.json', 200);
  });

  test('contact show with the product fields', async () => {
    const contactId = sandbox.store.getAccount(sandbox.defaultAccountId ?? 0).contacts.firstId;
    const answer = await api(sandbox, connection, `/contacts/${contactId}.json?fields=${encodeURIComponent(PRODUCT_CONTACT_FIELDS)}`);

    expectDocumented(answer, '/contacts/{id}.json', 200);
  });

  test('practice areas and matter stages with every field', async () => {
    const areas = await api(sandbox, connection, `/practice_areas.json?fields=${everyField(practiceAreaResource)}`);
    const stages = await api(sandbox, connection, `/matter_stages.json?fields=${everyField(matterStageResource)}`);

    expectDocumented(areas, '/practice_areas.json', 200);
    expectDocumented(stages, '/matter_stages.json', 200);
  });

  test('custom fields of matters and contacts', async () => {
    for (const parentType of ['matter', 'contact']) {
      const answer = await api(sandbox, connection, `/custom_fields.json?parent_type=${parentType}&fields=${encodeURIComponent(CUSTOM_FIELD_FIELDS)}`);
      expectDocumented(answer, '/custom_fields.json', 200);
    }
    const every = await api(sandbox, connection, `/custom_fields.json?fields=${encodeURIComponent(everyField(customFieldResource))}`);
    expectDocumented(every, '/custom_fields.json', 200);
  });

  test('400 for an unknown field matches Error', async () => {
    const matters = await api(sandbox, connection, '/matters.json?fields=id,colour');
    const contacts = await api(sandbox, connection, '/contacts.json?type=Robot');

    expectDocumented(matters, '/matters.json', 400);
    expectDocumented(contacts, '/contacts.json', 400);
  });

  test('404 for an unknown record matches Error', async () => {
    const matter = await api(sandbox, connection, '/matters/1.json');
    const contact = await api(sandbox, connection, '/contacts/1.json');

    expectDocumented(matter, '/matters/{id}.json', 404);
    expectDocumented(contact, '/contacts/{id}.json', 404);
  });

  test('422 past the offset limit matches Error', async () => {
    const answer = await api(sandbox, connection, '/matters.json?offset=10000');

    expect(answer.status).toBe(422);
    // No GET operation of the spec documents a 422, so its body is checked against the shared Error schema.
    expect(contract.check('Error', answer.body)).toEqual([]);
  });

  test('429 and injected 5xx match Error', async () => {
    const accountId = sandbox.defaultAccountId ?? 0;
    await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, { rateLimitStorm: { afterRequests: 0, count: 1, retryAfterSeconds: 5 } });
    const limited = await api(sandbox, connection, '/matters.json?limit=1');
    await admin(sandbox, 'POST', `/accounts/${accountId}/faults`, { errorRatio: 1 });
    const failed = await api(sandbox, connection, '/matters.json?limit=1');
    await admin(sandbox, 'DELETE', `/accounts/${accountId}/faults`);

    expectDocumented(limited, '/matters.json', 429);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(contract.check('Error', failed.body)).toEqual([]);
  });

  test('invalid_token 401 matches the OAuth error shape', async () => {
    const answer = await get(`${sandbox.url}/us/api/v4/matters.json`, { Authorization: 'Bearer not-a-token' });

    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_token');
    expect(checkOAuthError(answer.body)).toEqual([]);
  });

  test('invalid_grant 400 matches the OAuth error shape', async () => {
    const answer = await refresh(sandbox, 'unknown-refresh-token');

    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_grant');
    expect(checkOAuthError(answer.body)).toEqual([]);
  });
});

describe('contract validator', () => {
  const contract = new ClioContract();

  test('accepts null for optional properties', () => {
    const body = { data: { id: 1, etag: '"a"', close_date: null, matter_stage: null, custom_field_values: [{ id: null, value: null }] } };

    expect(contract.check('Matter_Show', body)).toEqual([]);
  });

  test('rejects a wrong enum value', () => {
    expect(contract.check('Matter_Show', { data: { id: 1, status: 'Archived' } })).not.toEqual([]);
  });

  test('rejects a wrong type', () => {
    expect(contract.check('Matter_List', { data: [{ id: '1500000001' }] })).not.toEqual([]);
    expect(contract.check('Contact_Show', { data: { phone_numbers: [{ name: 'Mobile' }] } })).not.toEqual([]);
    expect(contract.check('MatterStage_List', { data: [{ practice_area_id: 70001 }] })).not.toEqual([]);
  });

  test('rejects a missing or null required property', () => {
    expect(contract.check('Matter_List', { meta: {} })).not.toEqual([]);
    expect(contract.check('Matter_Show', { data: null })).not.toEqual([]);
    expect(contract.check('Error', { error: { type: 'NotFound' } })).not.toEqual([]);
  });

  test('rejects a bad date format', () => {
    expect(contract.check('Matter_Show', { data: { open_date: '01/05/2026' } })).not.toEqual([]);
    expect(contract.check('Matter_Show', { data: { updated_at: '2026-05-01 13:45' } })).not.toEqual([]);
  });

  test('rejects an OAuth error without a description', () => {
    expect(checkOAuthError({ error: 'invalid_token' })).not.toEqual([]);
    expect(checkOAuthError({ error: { type: 'Unauthorized', message: 'no' } })).not.toEqual([]);
  });
});
