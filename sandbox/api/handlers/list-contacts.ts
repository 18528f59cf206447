import type { Request, Response } from 'express';
import type { Account } from '../../data/account';
import { argumentError } from '../api-error';
import { callerOf } from '../authenticate';
import { COMMON_FILTER_PARAMS, passesCommonFilters, readCommonFilters, type CommonFilters } from '../list-filters';
import { PAGING_PARAMS, paginate, readPaging } from '../paging';
import { readBoolean, readSingle, rejectUnknownParams } from '../query-params';
import { requestUrlOf, searchParamsOf } from '../request-context';
import { contactRefAt, contactResource } from '../resources/contact-resource';
import { serializeRecord } from '../resource-type';
import { readFieldSelection } from '../select-fields';

const PARAMS = ['fields', ...PAGING_PARAMS, ...COMMON_FILTER_PARAMS, 'type', 'client_only'];

interface ContactFilters extends CommonFilters {
  type: 'Person' | 'Company' | null;
  clientOnly: boolean;
}

function readType(params: URLSearchParams): ContactFilters['type'] {
  const type = readSingle(params, 'type');
  if (type === null || type === 'Person' || type === 'Company') return type;
  throw argumentError(`Invalid type "${type}": expected Person or Company.`);
}

/**
 * Lists the positions of the matching contacts in id order. Contacts are built only when a filter
 * reads their data. With `ids[]` only the named ones are visited, so a batched read of a page's
 * contacts stays cheap in an account of 100,000 matters.
 */
function findMatchingContacts(account: Account, filters: ContactFilters): number[] {
  const { contacts } = account;
  const candidates =
    filters.ids === null
      ? Array.from({ length: contacts.count }, (_, index) => index)
      : [...filters.ids].map((id) => contacts.indexOfId(id)).filter((index) => index !== -1).sort((a, b) => a - b);
  const readsData = filters.type !== null || filters.updatedSince !== null || filters.createdSince !== null;

  return candidates.filter((index) => {
    if (filters.clientOnly && !contacts.isClient(index)) return false;
    if (!readsData) return true;
    const contact = contacts.at(index);
    return (filters.type === null || contact.type === filters.type) && passesCommonFilters(filters, contact.id, contact.createdAt, contact.updatedAt);
  });
}

/** GET /api/v4/contacts.json: the account's contacts, filtered and paged. */
export function listContacts(req: Request, res: Response): void {
  const params = searchParamsOf(req);
  rejectUnknownParams(params, PARAMS, 'GET /contacts.json');
  const fields = readFieldSelection(params, contactResource);
  const paging = readPaging(params);
  const filters: ContactFilters = { ...readCommonFilters(params), type: readType(params), clientOnly: readBoolean(params, 'client_only') ?? false };

  const { account } = callerOf(res);
  const matching = findMatchingContacts(account, filters);
  const page = paginate(matching, (index) => account.contacts.firstId + index, paging, requestUrlOf(req));

  const data = page.records.map((index) => serializeRecord(contactResource, contactRefAt(account, index), fields));
  res.json({ data, meta: page.meta });
}
