import type { Region } from '../regions';
import type { ContactRecord, EmailAddressRecord, PhoneNumberRecord } from './account';
import { COMPANY_SUFFIXES, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, REGION_PROFILES } from './catalogue';
import { createRandom, mixSeed, pick, randomInt, type Random } from './random';

const DAY_MS = 86_400_000;
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

/**
 * Email address ids are `contact id × 4 + 0 or 1` and phone number ids `contact id × 4 + 2 or 3`,
 * so every contact has room for two of each and no two records share an id.
 */
const DETAIL_IDS_PER_CONTACT = 4;

/** Changes to a contact made through the admin API. Absent fields keep their generated value. */
export interface ContactEdit {
  name?: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string;
  phone?: string;
}

interface StoredEdit extends ContactEdit {
  updatedAt: number;
  version: number;
}

/**
 * The contacts of one account, generated on demand from the account seed and the contact's
 * position. Only edits and a one-byte client flag are stored per contact, so accounts with
 * 100,000 matters stay small.
 */
export class ContactDirectory {
  private readonly clientFlags: Uint8Array;
  private readonly edits = new Map<number, StoredEdit>();

  /**
   * @param firstId - id of the contact at position 0. Ids are consecutive.
   * @param count - number of contacts.
   * @param seed - the account seed.
   * @param region - decides the phone number format.
   * @param createdBefore - Unix milliseconds. Every contact is created before it.
   */
  constructor(
    readonly firstId: number,
    readonly count: number,
    private readonly seed: number,
    private readonly region: Region,
    private readonly createdBefore: number,
  ) {
    this.clientFlags = new Uint8Array(count);
  }

  /** Builds the contact at `index` (0 ≤ index < count) with its edits applied. */
  at(index: number): ContactRecord {
    const contact = this.generatedAt(index);
    contact.isClient = this.clientFlags[index] === 1;
    const edit = this.edits.get(index);
    if (!edit) return contact;

    if (edit.name !== undefined) contact.name = edit.name;
    if (edit.firstName !== undefined) contact.firstName = edit.firstName;
    if (edit.lastName !== undefined) contact.lastName = edit.lastName;
    const primaryEmail = contact.emailAddresses.find((email) => email.primary);
    if (edit.email !== undefined && primaryEmail) {
      primaryEmail.address = edit.email;
      primaryEmail.updatedAt = edit.updatedAt;
      contact.primaryEmailAddress = edit.email;
    }
    const primaryPhone = contact.phoneNumbers.find((phone) => phone.primary);
    if (edit.phone !== undefined && primaryPhone) {
      primaryPhone.number = edit.phone;
      primaryPhone.updatedAt = edit.updatedAt;
      contact.primaryPhoneNumber = edit.phone;
    }
    contact.updatedAt = edit.updatedAt;
    contact.version = edit.version;
    return contact;
  }

  /**
   * Builds the contact at `index` as generated, without edits and with `isClient` false. The same
   * index always yields the same contact.
   */
  generatedAt(index: number): ContactRecord {
    const random = createRandom(mixSeed(this.seed, 2, index));
    const id = this.firstId + index;
    const ageDays = randomInt(random, 5 * 365, 6 * 365);
    const createdAt = Math.floor((this.createdBefore - ageDays * DAY_MS) / 1000) * 1000;
    const updatedAt = createdAt + randomInt(random, 0, 300) * DAY_MS;
    const phone = REGION_PROFILES[this.region].phoneNumber(randomInt(random, 0, 99));
    const domain = pick(random, EMAIL_DOMAINS);
    const times = { createdAt, updatedAt };

    if (random() < 0.2) {
      const word = pick(random, COMPANY_WORDS);
      const name = `${word} ${pick(random, COMPANY_SUFFIXES)}`;
      const mailbox = `${word.toLowerCase()}.${index + 1}`;
      const emails = this.emailAddresses(id, random, times, { address: `${mailbox}@${domain}`, name: 'Work' }, { address: `accounts.${index + 1}@${domain}`, name: 'Other' });
      const phones = this.phoneNumbers(id, random, times, { number: phone, name: 'Work' }, 'Other');
      return { id, type: 'Company', name, firstName: null, lastName: null, ...contactDetails(emails, phones), ...times, isClient: false, version: 0 };
    }

    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const personal = `${firstName}.${lastName}.${index + 1}@${domain}`.toLowerCase();
    const work = `${firstName[0] ?? ''}${lastName}.${index + 1}@work.example`.toLowerCase();
    const emails = this.emailAddresses(id, random, times, { address: personal, name: 'Home' }, { address: work, name: 'Work' });
    const phones = this.phoneNumbers(id, random, times, { number: phone, name: 'Personal' }, 'Work');
    return { id, type: 'Person', name: `${firstName} ${lastName}`, firstName, lastName, ...contactDetails(emails, phones), ...times, isClient: false, version: 0 };
  }

  /** Returns the position of the contact with `id`, or -1 when the account has no such contact. */
  indexOfId(id: number): number {
    const index = id - this.firstId;
    return Number.isInteger(index) && index >= 0 && index < this.count ? index : -1;
  }

  /**
   * Records that the contact at `index` is the client of a matter, which makes `is_client` true.
   * NOTE: the flag stays set when that matter is deleted; how Clio updates is_client then is not documented.
   */
  markClient(index: number): void {
    this.clientFlags[index] = 1;
  }

  /** Returns whether the contact at `index` is the client of a matter, without building it. */
  isClient(index: number): boolean {
    return this.clientFlags[index] === 1;
  }

  /** Applies an edit to the contact at `index`, setting its updated_at to `nowMs` (whole seconds) and changing its etag. */
  edit(index: number, changes: ContactEdit, nowMs: number): void {
    const previous = this.edits.get(index);
    const merged: StoredEdit = { ...previous, ...changes, updatedAt: Math.floor(nowMs / 1000) * 1000, version: (previous?.version ?? 0) + 1 };
    this.edits.set(index, merged);
  }

  private emailAddresses(
    contactId: number,
    random: Random,
    times: { createdAt: number; updatedAt: number },
    primary: Pick<EmailAddressRecord, 'address' | 'name'>,
    secondary: Pick<EmailAddressRecord, 'address' | 'name'>,
  ): EmailAddressRecord[] {
    const emails: EmailAddressRecord[] = [{ id: contactId * DETAIL_IDS_PER_CONTACT, ...primary, primary: true, ...times }];
    if (random() < 0.35) emails.push({ id: contactId * DETAIL_IDS_PER_CONTACT + 1, ...secondary, primary: false, ...times });
    return emails;
  }

  private phoneNumbers(
    contactId: number,
    random: Random,
    times: { createdAt: number; updatedAt: number },
    primary: Pick<PhoneNumberRecord, 'number' | 'name'>,
    secondaryName: PhoneNumberRecord['name'],
  ): PhoneNumberRecord[] {
    const phones: PhoneNumberRecord[] = [{ id: contactId * DETAIL_IDS_PER_CONTACT + 2, ...primary, primary: true, ...times }];
    if (random() < 0.4) {
      const number = REGION_PROFILES[this.region].phoneNumber(randomInt(random, 0, 99));
      phones.push({ id: contactId * DETAIL_IDS_PER_CONTACT + 3, number, name: secondaryName, primary: false, ...times });
    }
    return phones;
  }
}

function contactDetails(emails: EmailAddressRecord[], phones: PhoneNumberRecord[]) {
  return {
    emailAddresses: emails,
    phoneNumbers: phones,
    primaryEmailAddress: emails.find((email) => email.primary)?.address ?? null,
    primaryPhoneNumber: phones.find((phone) => phone.primary)?.number ?? null,
  };
}
