import type { Account, ContactRecord } from '../../data/account';
import { computeEtag, formatTimestamp } from '../../data/format';
import { nestedListField, type ResourceType } from '../resource-type';
import { emailAddressResource, phoneNumberResource } from './contact-detail-resources';
import { customFieldValueResource } from './custom-field-value-resource';

/** A contact with its account and position, which its custom field values need. */
export interface ContactRef {
  account: Account;
  index: number;
  contact: ContactRecord;
}

/** Builds the reference of the contact at `index`, with its edits applied. */
export function contactRefAt(account: Account, index: number): ContactRef {
  return { account, index, contact: account.contacts.at(index) };
}

/** Returns a contact's etag, which changes whenever the contact is edited. */
export function contactEtag(contact: ContactRecord): string {
  return computeEtag('Contact', contact.id, contact.updatedAt, contact.version);
}

function initialsOf(contact: ContactRecord): string {
  const words = contact.type === 'Person' ? [contact.firstName ?? '', contact.lastName ?? ''] : contact.name.split(' ');
  return words.map((word) => word[0] ?? '').join('').toUpperCase();
}

/** The Contact fields the sandbox serves, at the top level and nested in a matter. */
export const contactResource: ResourceType<ContactRef> = {
  name: 'Contact',
  fields: {
    id: ({ contact }) => contact.id,
    etag: ({ contact }) => contactEtag(contact),
    name: ({ contact }) => contact.name,
    first_name: ({ contact }) => contact.firstName,
    last_name: ({ contact }) => contact.lastName,
    initials: ({ contact }) => initialsOf(contact),
    type: ({ contact }) => contact.type,
    is_client: ({ contact }) => contact.isClient,
    primary_email_address: ({ contact }) => contact.primaryEmailAddress,
    primary_phone_number: ({ contact }) => contact.primaryPhoneNumber,
    created_at: ({ contact }) => formatTimestamp(contact.createdAt),
    updated_at: ({ contact }) => formatTimestamp(contact.updatedAt),
  },
  nested: {
    email_addresses: nestedListField(emailAddressResource, ({ contact }) => contact.emailAddresses),
    phone_numbers: nestedListField(phoneNumberResource, ({ contact }) => contact.phoneNumbers),
    custom_field_values: nestedListField(customFieldValueResource, ({ account, index, contact }) =>
      account.contactCustomFieldValues.valuesOf({ index, id: contact.id, createdAt: contact.createdAt, generated: true }),
    ),
  },
};
