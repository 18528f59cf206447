import type { Region } from '../regions';
import type { ContactRecord } from './account';
import { COMPANY_SUFFIXES, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, REGION_PROFILES } from './catalogue';
import { createRandom, mixSeed, pick, randomInt } from './random';

const DAY_MS = 86_400_000;
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

/**
 * The clients of one account, generated on demand from the account seed and the contact's
 * position. Nothing is stored per contact, so accounts with 100,000 matters stay small.
 */
export class ContactDirectory {
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
  ) {}

  /** Builds the contact at `index` (0 ≤ index < count). The same index always yields the same contact. */
  at(index: number): ContactRecord {
    const random = createRandom(mixSeed(this.seed, 2, index));
    const id = this.firstId + index;
    const ageDays = randomInt(random, 5 * 365, 6 * 365);
    const createdAt = Math.floor((this.createdBefore - ageDays * DAY_MS) / 1000) * 1000;
    const updatedAt = createdAt + randomInt(random, 0, 300) * DAY_MS;
    const phone = REGION_PROFILES[this.region].phoneNumber(randomInt(random, 0, 99));
    const domain = pick(random, EMAIL_DOMAINS);

    if (random() < 0.2) {
      const word = pick(random, COMPANY_WORDS);
      const name = `${word} ${pick(random, COMPANY_SUFFIXES)}`;
      const mailbox = `${word.toLowerCase()}.${index + 1}`;
      return {
        id,
        type: 'Company',
        name,
        firstName: null,
        lastName: null,
        primaryEmailAddress: `${mailbox}@${domain}`,
        primaryPhoneNumber: phone,
        createdAt,
        updatedAt,
      };
    }

    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    return {
      id,
      type: 'Person',
      name: `${firstName} ${lastName}`,
      firstName,
      lastName,
      primaryEmailAddress: `${firstName}.${lastName}.${index + 1}@${domain}`.toLowerCase(),
      primaryPhoneNumber: phone,
      createdAt,
      updatedAt,
    };
  }

  /** Returns the position of the contact with `id`, or -1 when the account has no such contact. */
  indexOfId(id: number): number {
    const index = id - this.firstId;
    return Number.isInteger(index) && index >= 0 && index < this.count ? index : -1;
  }
}
