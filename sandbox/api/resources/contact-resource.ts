import type { ContactRecord } from '../../data/account';
import { computeEtag, formatTimestamp } from '../../data/format';
import type { ResourceType } from '../resource-type';

/** The Contact fields the sandbox serves when a contact is nested in a matter. */
export const contactResource: ResourceType<ContactRecord> = {
  name: 'Contact',
  fields: {
    id: (contact) => contact.id,
    etag: (contact) => computeEtag('Contact', contact.id, contact.updatedAt),
    name: (contact) => contact.name,
    first_name: (contact) => contact.firstName,
    last_name: (contact) => contact.lastName,
    type: (contact) => contact.type,
    is_client: () => true,
    primary_email_address: (contact) => contact.primaryEmailAddress,
    primary_phone_number: (contact) => contact.primaryPhoneNumber,
    created_at: (contact) => formatTimestamp(contact.createdAt),
    updated_at: (contact) => formatTimestamp(contact.updatedAt),
  },
};
