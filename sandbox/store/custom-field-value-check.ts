import type { Account } from '../data/account';
import type { CustomFieldRecord } from '../data/custom-field-records';
import { SandboxError } from './sandbox-error';

/** A custom field value as the admin API accepts it. */
export type CustomFieldInput = string | number | boolean | null;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Finds a custom field of the account by id and parent type, or throws `custom_field_not_found`. */
export function findCustomField(account: Account, customFieldId: number, parentType: CustomFieldRecord['parentType']): CustomFieldRecord {
  const field = account.customFields.find((candidate) => candidate.id === customFieldId);
  if (!field || field.parentType !== parentType) {
    const ids = account.customFields.filter((candidate) => candidate.parentType === parentType).map((candidate) => candidate.id);
    throw new SandboxError('custom_field_not_found', `Account ${account.id} has no ${parentType} custom field with id ${customFieldId}; its ${parentType} fields are ${ids.join(', ')}.`);
  }
  return field;
}

/**
 * Checks a value against the field's type and returns it as the string that Clio's schema types
 * every value as, or null to clear the value. A picklist takes the id of one of its offered
 * options, a checkbox true or false, a contact or matter field the id of a record of the account.
 */
export function normalizeCustomFieldValue(account: Account, field: CustomFieldRecord, input: CustomFieldInput): string | null {
  if (input === null) return null;
  if (field.deleted) invalid(field, input, 'the field is deleted, so it takes no new values');
  const text = String(input).trim();

  switch (field.fieldType) {
    case 'picklist': {
      const offered = field.picklistOptions.filter((option) => Number.isNaN(option.deletedAt));
      const option = offered.find((candidate) => String(candidate.id) === text);
      if (!option) invalid(field, input, `expected the id of one of its options: ${offered.map((o) => `${o.id} (${o.option})`).join(', ')}`);
      return String(option.id);
    }
    case 'checkbox':
      if (text !== 'true' && text !== 'false') invalid(field, input, 'expected true or false');
      return text;
    case 'numeric':
    case 'currency':
      if (!NUMBER.test(text)) invalid(field, input, 'expected a number such as 1250.50');
      return text;
    case 'date':
      if (!isRealDate(text)) invalid(field, input, 'expected an ISO-8601 date such as 2026-05-01');
      return text;
    case 'time':
      if (!TIME.test(text)) invalid(field, input, 'expected a time such as 14:30 or 14:30:00');
      return text;
    case 'email':
      if (!EMAIL.test(text)) invalid(field, input, 'expected an email address');
      return text;
    case 'url':
      if (!isWebAddress(text)) invalid(field, input, 'expected an http or https URL');
      return text;
    case 'contact':
      if (!/^\d+$/.test(text) || account.contacts.indexOfId(Number(text)) === -1) invalid(field, input, `expected the id of a contact of account ${account.id}`);
      return text;
    case 'matter':
      if (!/^\d+$/.test(text) || account.matters.indexOfLiveId(Number(text)) === -1) invalid(field, input, `expected the id of a matter of account ${account.id}`);
      return text;
    case 'text_line':
      if (typeof input !== 'string' || text.length > 255) invalid(field, input, 'expected a string of at most 255 characters');
      return text;
    case 'text_area':
      if (typeof input !== 'string') invalid(field, input, 'expected a string');
      return input;
  }
}

function invalid(field: CustomFieldRecord, input: CustomFieldInput, expectation: string): never {
  throw new SandboxError(
    'invalid_custom_field_value',
    `Value ${JSON.stringify(input)} is invalid for custom field ${field.id} "${field.name}" (${field.fieldType}): ${expectation}.`,
  );
}

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
