import type { Request, Response } from 'express';
import { z } from 'zod';
import { formatTimestamp } from '../../data/format';
import { editContact } from '../../store/contact-changes';
import type { SandboxStore } from '../../store/sandbox-store';
import { contactEtag } from '../../api/resources/contact-resource';
import { invalidRequestFrom, parseIdParam } from '../admin-errors';

const editContactBody = z
  .object({
    name: z.string().trim().min(1).max(255).optional(),
    email: z.string().trim().email().optional(),
    phone: z.string().trim().min(3).max(50).optional(),
  })
  .strict()
  .refine((body) => body.name !== undefined || body.email !== undefined || body.phone !== undefined, {
    message: 'name a field to change: name, email or phone',
  });

/**
 * Creates the handler of POST /_admin/accounts/:accountId/contacts/:contactId with body
 * `{"name"?, "email"?, "phone"?}`, which edits the contact's name, primary email address or
 * primary phone number and bumps its updated_at and etag.
 */
export function createEditContactHandler(store: SandboxStore) {
  return function editAccountContact(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);
    const contactId = parseIdParam('contactId', req.params.contactId);
    const input: unknown = req.body ?? {};
    const parsed = editContactBody.safeParse(input);
    if (!parsed.success) throw invalidRequestFrom(parsed.error, input);

    const account = store.getAccount(accountId);
    const index = editContact(account, contactId, parsed.data, store.nowMs());

    const contact = account.contacts.at(index);
    res.json({
      contactId,
      name: contact.name,
      firstName: contact.firstName,
      lastName: contact.lastName,
      primaryEmailAddress: contact.primaryEmailAddress,
      primaryPhoneNumber: contact.primaryPhoneNumber,
      etag: contactEtag(contact),
      updatedAt: formatTimestamp(contact.updatedAt),
    });
  };
}
