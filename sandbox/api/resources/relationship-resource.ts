import type { Account, RelationshipRecord } from '../../data/account';
import { computeEtag, formatTimestamp } from '../../data/format';
import { nestedField, type ResourceType } from '../resource-type';
import { contactRefAt, contactResource } from './contact-resource';

/** A related contact of a matter, with the account that owns the contact. */
export interface RelationshipRef {
  account: Account;
  relationship: RelationshipRecord;
}

/**
 * The Relationship fields the sandbox serves. Nested in a matter, its contact sits at the second
 * level, so it returns the contact's id and etag only.
 */
export const relationshipResource: ResourceType<RelationshipRef> = {
  name: 'Relationship',
  fields: {
    id: ({ relationship }) => relationship.id,
    etag: ({ relationship }) => computeEtag('Relationship', relationship.id, relationship.updatedAt),
    description: ({ relationship }) => relationship.description,
    created_at: ({ relationship }) => formatTimestamp(relationship.createdAt),
    updated_at: ({ relationship }) => formatTimestamp(relationship.updatedAt),
  },
  nested: {
    contact: nestedField(contactResource, ({ account, relationship }) => contactRefAt(account, relationship.contactIndex)),
  },
};
