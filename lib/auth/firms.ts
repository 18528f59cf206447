import { Firm } from '../models';
import { AlreadyExistsError, InvalidInputError, isDuplicateKeyError } from './errors';

/** Firm ids appear in URLs and workflow ids: lowercase letters, digits and inner dashes, at most 63 characters. */
export const FIRM_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Time zone of a firm created without one. */
export const DEFAULT_TIME_ZONE = 'America/New_York';

/** A firm as the API and pages use it. */
export interface FirmRecord {
  id: string;
  name: string;
  timeZone: string;
}

/** Returns true when `name` is an IANA time zone name that this runtime's Intl supports. */
export function isIanaTimeZone(name: string): boolean {
  // Intl also accepts UTC offsets such as "+05:00", which have no daylight-saving rules to follow.
  if (!/^[A-Za-z]/.test(name)) {
    return false;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A firm to create; `timeZone` defaults to America/New_York. */
export interface NewFirm {
  id: string;
  name: string;
  timeZone?: string;
}

/** Throws InvalidInputError naming `id`, `name` or `timeZone` when one is invalid; reads no database. */
export function validateFirmInput(input: NewFirm): void {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  if (!FIRM_ID_PATTERN.test(input.id)) {
    throw new InvalidInputError('id', `Firm id "${input.id}" is invalid: use 1 to 63 lowercase letters, digits and dashes, starting and ending with a letter or digit.`);
  }
  if (input.name.trim() === '') {
    throw new InvalidInputError('name', 'Firm name is empty: give the name the firm uses, such as "Acme Law".');
  }
  if (!isIanaTimeZone(timeZone)) {
    throw new InvalidInputError('timeZone', `Time zone "${timeZone}" is not an IANA time zone name: use one such as America/New_York or Europe/London.`);
  }
}

/** Creates a firm. Throws InvalidInputError as validateFirmInput does, and AlreadyExistsError when the id is taken. */
export async function createFirm(input: NewFirm): Promise<FirmRecord> {
  validateFirmInput(input);
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;

  try {
    await Firm.create({ _id: input.id, name: input.name.trim(), timeZone });
  } catch (error) {
    if (isDuplicateKeyError(error)) {
      throw new AlreadyExistsError('id', `A firm with id "${input.id}" already exists.`);
    }
    throw error;
  }
  return { id: input.id, name: input.name.trim(), timeZone };
}

/** Returns the firm with `id`, or null when there is none. */
export async function findFirm(id: string): Promise<FirmRecord | null> {
  const doc = await Firm.findById(id).lean();
  return doc ? { id: doc._id, name: doc.name, timeZone: doc.timeZone } : null;
}

/** Returns up to `limit` firms ordered by name. */
export async function listFirms(limit: number): Promise<FirmRecord[]> {
  const docs = await Firm.find().sort({ name: 1, _id: 1 }).limit(limit).lean();
  return docs.map((doc) => ({ id: doc._id, name: doc.name, timeZone: doc.timeZone }));
}
