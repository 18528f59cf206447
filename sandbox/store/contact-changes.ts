import type { Account } from '../data/account';
import type { ContactEdit } from '../data/contact-directory';
import { SandboxError } from './sandbox-error';

/** Changes to a contact as a firm makes them in Clio Manage. */
export interface ContactChanges {
  /** Full name. A person's name is split at the first space into first and last name. */
  name?: string;
  /** New address of the primary email. */
  email?: string;
  /** New number of the primary phone. */
  phone?: string;
}

/**
 * Edits the contact with `contactId`, bumping its updated_at and etag, and returns its position.
 * The matters of the contact keep their updated_at, because the edit changes the contact only.
 */
export function editContact(account: Account, contactId: number, changes: ContactChanges, nowMs: number): number {
  const index = account.contacts.indexOfId(contactId);
  if (index === -1) throw new SandboxError('contact_not_found', `Account ${account.id} has no contact with id ${contactId}.`);
  const contact = account.contacts.at(index);
  const edit: ContactEdit = {};

  if (changes.name !== undefined) {
    edit.name = changes.name;
    if (contact.type === 'Person') {
      const spaceAt = changes.name.indexOf(' ');
      if (spaceAt === -1) {
        throw new SandboxError('invalid_request', `name "${changes.name}" of person ${contactId} needs a first and a last name separated by a space.`);
      }
      edit.firstName = changes.name.slice(0, spaceAt);
      edit.lastName = changes.name.slice(spaceAt + 1).trim();
    }
  }
  if (changes.email !== undefined) edit.email = changes.email;
  if (changes.phone !== undefined) edit.phone = changes.phone;

  account.contacts.edit(index, edit, nowMs);
  return index;
}
