import type { EmailAddressRecord, PhoneNumberRecord } from '../../data/account';
import { computeEtag, formatTimestamp } from '../../data/format';
import type { ResourceType } from '../resource-type';

/** The EmailAddress fields the sandbox serves, nested in a contact. */
export const emailAddressResource: ResourceType<EmailAddressRecord> = {
  name: 'EmailAddress',
  fields: {
    id: (email) => email.id,
    etag: (email) => computeEtag('EmailAddress', email.id, email.updatedAt),
    address: (email) => email.address,
    name: (email) => email.name,
    primary: (email) => email.primary,
    created_at: (email) => formatTimestamp(email.createdAt),
    updated_at: (email) => formatTimestamp(email.updatedAt),
  },
};

/** The PhoneNumber fields the sandbox serves, nested in a contact. */
export const phoneNumberResource: ResourceType<PhoneNumberRecord> = {
  name: 'PhoneNumber',
  fields: {
    id: (phone) => phone.id,
    etag: (phone) => computeEtag('PhoneNumber', phone.id, phone.updatedAt),
    number: (phone) => phone.number,
    name: (phone) => phone.name,
    primary: (phone) => phone.primary,
    created_at: (phone) => formatTimestamp(phone.createdAt),
    updated_at: (phone) => formatTimestamp(phone.updatedAt),
  },
};
