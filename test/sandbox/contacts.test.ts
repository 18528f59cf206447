import { admin, api, connect, createTestClock, startSandbox, type Connection, type ResponseBody, type TestSandbox } from './sandbox-client';

const CONTACT_FIELDS =
  'id,etag,name,first_name,last_name,type,is_client,primary_email_address,primary_phone_number,' +
  'email_addresses{id,address,name,primary},phone_numbers{id,number,name,primary},created_at,updated_at';

describe('contacts', () => {
  const clock = createTestClock();
  let sandbox: TestSandbox;
  let connection: Connection;
  let accountId: number;
  let firstContactId: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ now: clock.now, defaultAccount: { matters: 120, seed: 4 } });
    connection = await connect(sandbox);
    accountId = sandbox.defaultAccountId ?? 0;
    firstContactId = sandbox.store.getAccount(accountId).contacts.firstId;
  });

  afterAll(async () => {
    await sandbox.close();
  });

  async function readContacts(query: string): Promise<ResponseBody[]> {
    const answer = await api(sandbox, connection, `/contacts.json?${query}`);
    expect(answer.status).toBe(200);
    return answer.body.data;
  }

  test('list returns contact fields with emails and phones', async () => {
    const contacts = await readContacts(`limit=50&fields=${CONTACT_FIELDS}`);

    expect(contacts).toHaveLength(50);
    for (const contact of contacts) {
      expect(['Person', 'Company']).toContain(contact.type);
      expect(typeof contact.is_client).toBe('boolean');
      const primaryEmails = contact.email_addresses.filter((email: { primary: boolean }) => email.primary);
      const primaryPhones = contact.phone_numbers.filter((phone: { primary: boolean }) => phone.primary);
      expect(primaryEmails).toHaveLength(1);
      expect(primaryEmails[0].address).toBe(contact.primary_email_address);
      expect(primaryPhones).toHaveLength(1);
      expect(primaryPhones[0].number).toBe(contact.primary_phone_number);
      for (const phone of contact.phone_numbers) expect(['Work', 'Personal', 'Other']).toContain(phone.name);
      for (const email of contact.email_addresses) expect(['Work', 'Home', 'Other']).toContain(email.name);
    }
    expect(contacts.some((contact) => contact.email_addresses.length > 1)).toBe(true);
    expect(contacts.some((contact) => contact.phone_numbers.length > 1)).toBe(true);
  });

  test('companies have null first and last names', async () => {
    const companies = await readContacts('type=Company&fields=id,name,first_name,last_name,type');

    expect(companies.length).toBeGreaterThan(0);
    for (const company of companies) {
      expect(company.type).toBe('Company');
      expect(company.first_name).toBeNull();
      expect(company.last_name).toBeNull();
    }
  });

  test('ids[] reads contacts in one request', async () => {
    const ids = [firstContactId + 40, firstContactId + 3, firstContactId + 17, 999];
    const contacts = await readContacts(`${ids.map((id) => `ids[]=${id}`).join('&')}&fields=id,name`);

    expect(contacts.map((contact) => contact.id)).toEqual([firstContactId + 3, firstContactId + 17, firstContactId + 40]);
  });

  test('ids[] past the limit pages on', async () => {
    const ids = Array.from({ length: 30 }, (_, offset) => firstContactId + offset);
    const answer = await api(sandbox, connection, `/contacts.json?${ids.map((id) => `ids[]=${id}`).join('&')}&limit=20&fields=id`);

    expect(answer.body.data).toHaveLength(20);
    expect(answer.body.meta.records).toBe(30);
    expect(new URL(answer.body.meta.paging.next).searchParams.getAll('ids[]')).toHaveLength(30);
  });

  test('client_only leaves out contacts without matters', async () => {
    const all = await readContacts('limit=200&fields=id,is_client');
    const clients = await readContacts('limit=200&client_only=true&fields=id,is_client');

    expect(all.some((contact) => contact.is_client === false)).toBe(true);
    expect(clients.length).toBeGreaterThan(0);
    expect(clients.every((contact) => contact.is_client === true)).toBe(true);
    expect(clients).toHaveLength(all.filter((contact) => contact.is_client).length);
  });

  test('matter clients are clients', async () => {
    const matters = await api(sandbox, connection, '/matters.json?limit=50&fields=client{id,is_client}');

    for (const matter of matters.body.data) expect(matter.client.is_client).toBe(true);
  });

  test('show carries ETag and answers 304', async () => {
    const first = await api(sandbox, connection, `/contacts/${firstContactId}.json?fields=id,etag,updated_at`);
    const second = await api(sandbox, connection, `/contacts/${firstContactId}.json`, { 'If-None-Match': first.body.data.etag });

    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(first.body.data.etag);
    expect(Date.parse(first.headers.get('last-modified') ?? '')).toBe(Date.parse(first.body.data.updated_at));
    expect(second.status).toBe(304);
  });

  test('unknown contact answers 404', async () => {
    const answer = await api(sandbox, connection, '/contacts/12.json');

    expect(answer.status).toBe(404);
    expect(answer.body.error.type).toBe('RecordNotFound');
  });

  test('invalid filters answer 400', async () => {
    const badType = await api(sandbox, connection, '/contacts.json?type=Robot');
    const badFlag = await api(sandbox, connection, '/contacts.json?client_only=yes');
    const badField = await api(sandbox, connection, '/contacts.json?fields=email_addresses{colour}');

    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toContain('"Robot"');
    expect(badFlag.status).toBe(400);
    expect(badField.status).toBe(400);
    expect(badField.body.error.message).toContain('colour');
  });

  test('edit changes name, email and phone, etag and updated_at', async () => {
    const contactId = firstContactId + 5;
    const before = await api(sandbox, connection, `/contacts/${contactId}.json?fields=${CONTACT_FIELDS}`);
    const isPerson = before.body.data.type === 'Person';
    clock.advanceSeconds(120);

    const edited = await admin(sandbox, 'POST', `/accounts/${accountId}/contacts/${contactId}`, {
      name: isPerson ? 'Noor Haddad' : 'Haddad Imports Ltd.',
      email: 'noor.haddad@example.com',
      phone: '(212) 555-0199',
    });
    const after = await api(sandbox, connection, `/contacts/${contactId}.json?fields=${CONTACT_FIELDS}`);
    const stale = await api(sandbox, connection, `/contacts/${contactId}.json`, { 'If-None-Match': before.body.data.etag });
    const contact = after.body.data;

    expect(edited.status).toBe(200);
    expect(contact.name).toBe(isPerson ? 'Noor Haddad' : 'Haddad Imports Ltd.');
    if (isPerson) {
      expect(contact.first_name).toBe('Noor');
      expect(contact.last_name).toBe('Haddad');
    }
    expect(contact.primary_email_address).toBe('noor.haddad@example.com');
    expect(contact.email_addresses.find((email: { primary: boolean }) => email.primary).address).toBe('noor.haddad@example.com');
    expect(contact.primary_phone_number).toBe('(212) 555-0199');
    expect(contact.etag).not.toBe(before.body.data.etag);
    expect(Date.parse(contact.updated_at)).toBe(clock.now().getTime());
    expect(edited.body.etag).toBe(contact.etag);
    expect(stale.status).toBe(200);
  });

  test('edited contact appears in updated_since', async () => {
    const contactId = firstContactId + 8;
    const since = new Date(clock.now().getTime()).toISOString();
    clock.advanceSeconds(60);

    await admin(sandbox, 'POST', `/accounts/${accountId}/contacts/${contactId}`, { email: 'changed@example.com' });
    const changed = await readContacts(`updated_since=${encodeURIComponent(since)}&fields=id`);

    expect(changed.map((contact) => contact.id)).toEqual([contactId]);
  });

  test('edit leaves the matters of the contact unchanged', async () => {
    const account = sandbox.store.getAccount(accountId);
    const clientIndex = account.matters.client[0] ?? 0;
    const matterId = account.matters.firstId;
    const before = await api(sandbox, connection, `/matters/${matterId}.json?fields=etag,display_number,client{name}`);
    clock.advanceSeconds(30);

    await admin(sandbox, 'POST', `/accounts/${accountId}/contacts/${account.contacts.firstId + clientIndex}`, { name: 'Renamed Client' });
    const after = await api(sandbox, connection, `/matters/${matterId}.json?fields=etag,display_number,client{name}`);

    expect(after.body.data.client.name).toBe('Renamed Client');
    expect(after.body.data.etag).toBe(before.body.data.etag);
    expect(after.body.data.display_number).toBe(before.body.data.display_number);
  });

  test('edit rejects bad input', async () => {
    const { contacts } = sandbox.store.getAccount(accountId);
    const personIndex = Array.from({ length: contacts.count }, (_, index) => index).find((index) => contacts.at(index).type === 'Person') ?? 0;
    const empty = await admin(sandbox, 'POST', `/accounts/${accountId}/contacts/${firstContactId}`, {});
    const badEmail = await admin(sandbox, 'POST', `/accounts/${accountId}/contacts/${firstContactId}`, { email: 'not-an-email' });
    const missing = await admin(sandbox, 'POST', `/accounts/${accountId}/contacts/1`, { phone: '555-0100' });
    const oneWord = await admin(sandbox, 'POST', `/accounts/${accountId}/contacts/${firstContactId + personIndex}`, { name: 'Cher' });

    expect(empty.status).toBe(400);
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.message).toContain('not-an-email');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('contact_not_found');
    expect(oneWord.status).toBe(400);
    expect(oneWord.body.error.message).toContain('first and a last name');
  });
});

describe('related contacts', () => {
  let sandbox: TestSandbox;
  let connection: Connection;

  beforeAll(async () => {
    sandbox = await startSandbox({ defaultAccount: { matters: 200, seed: 6 } });
    connection = await connect(sandbox);
  });

  afterAll(async () => {
    await sandbox.close();
  });

  test('relationships name each contact by id', async () => {
    const answer = await api(sandbox, connection, '/matters.json?fields=id,client{id},relationships{id,description,contact}');
    const matters: ResponseBody[] = answer.body.data;
    const related = matters.filter((matter) => matter.relationships.length > 0);

    expect(related.length).toBeGreaterThan(20);
    expect(related.length).toBeLessThan(120);
    for (const matter of related) {
      for (const relationship of matter.relationships) {
        expect(Object.keys(relationship.contact)).toEqual(['id', 'etag']);
        expect(relationship.contact.id).not.toBe(matter.client.id);
        expect(typeof relationship.description).toBe('string');
      }
    }
  });

  test('some related contacts are clients', async () => {
    const answer = await api(sandbox, connection, '/matters.json?fields=relationships{contact}');
    const ids = new Set<number>(answer.body.data.flatMap((matter: ResponseBody) => matter.relationships.map((relationship: ResponseBody) => relationship.contact.id)));

    const contacts = await api(sandbox, connection, `/contacts.json?${[...ids].map((id) => `ids[]=${id}`).join('&')}&fields=id,is_client`);

    expect(contacts.body.data).toHaveLength(ids.size);
    expect(contacts.body.data.filter((contact: ResponseBody) => contact.is_client).length).toBeGreaterThan(ids.size / 2);
  });

  test('contact fields inside relationships answer 400', async () => {
    const answer = await api(sandbox, connection, '/matters.json?fields=relationships{contact{name}}');

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('only one level of nesting');
  });

  test('bare relationships return id and etag', async () => {
    const answer = await api(sandbox, connection, '/matters.json?fields=relationships');
    const relationship = answer.body.data.flatMap((matter: ResponseBody) => matter.relationships)[0];

    expect(Object.keys(relationship)).toEqual(['id', 'etag']);
  });

  test('responsible_staff names a non-attorney', async () => {
    const answer = await api(sandbox, connection, '/matters.json?fields=responsible_staff{id,name,subscription_type}');
    const staff = answer.body.data.map((matter: ResponseBody) => matter.responsible_staff).filter((user: ResponseBody) => user !== null);

    expect(staff.length).toBeGreaterThan(0);
    for (const user of staff) expect(user.subscription_type).toBe('NonAttorney');
  });
});

describe('users list', () => {
  let sandbox: TestSandbox;
  let connection: Connection;

  beforeAll(async () => {
    sandbox = await startSandbox({ defaultAccount: { matters: 5, seed: 2 } });
    connection = await connect(sandbox);
  });

  afterAll(async () => {
    await sandbox.close();
  });

  test('lists every user of the account', async () => {
    const answer = await api(sandbox, connection, '/users.json?fields=id,name,email,enabled,subscription_type,account_owner');
    const users = sandbox.store.getAccount(sandbox.defaultAccountId ?? 0).users;

    expect(answer.status).toBe(200);
    expect(answer.body.data.map((user: { id: number }) => user.id)).toEqual(users.map((user) => user.id));
    expect(answer.body.data[0].account_owner).toBe(true);
  });

  test('filters by subscription type and enabled', async () => {
    const staff = await api(sandbox, connection, '/users.json?subscription_type=NonAttorney&fields=id,subscription_type');
    const enabled = await api(sandbox, connection, '/users.json?enabled=true&fields=id,enabled');
    const invalid = await api(sandbox, connection, '/users.json?subscription_type=Partner');

    expect(staff.body.data).toHaveLength(1);
    expect(enabled.body.data.every((user: { enabled: boolean }) => user.enabled)).toBe(true);
    expect(invalid.status).toBe(400);
  });
});
