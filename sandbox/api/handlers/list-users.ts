import type { Request, Response } from 'express';
import { argumentError } from '../api-error';
import { callerOf } from '../authenticate';
import { COMMON_FILTER_PARAMS, passesCommonFilters, readCommonFilters } from '../list-filters';
import { PAGING_PARAMS, paginate, readPaging } from '../paging';
import { readBoolean, readSingle, rejectUnknownParams } from '../query-params';
import { requestUrlOf, searchParamsOf } from '../request-context';
import { userResource } from '../resources/user-resource';
import { serializeRecord } from '../resource-type';
import { readFieldSelection } from '../select-fields';

const PARAMS = ['fields', ...PAGING_PARAMS, ...COMMON_FILTER_PARAMS, 'enabled', 'subscription_type', 'name'];

function readSubscriptionType(params: URLSearchParams): 'Attorney' | 'NonAttorney' | null {
  const value = readSingle(params, 'subscription_type');
  if (value === null || value === 'Attorney' || value === 'NonAttorney') return value;
  throw argumentError(`Invalid subscription_type "${value}": expected Attorney or NonAttorney.`);
}

/** GET /api/v4/users.json: the account's users, disabled ones included, filtered and paged. */
export function listUsers(req: Request, res: Response): void {
  const params = searchParamsOf(req);
  rejectUnknownParams(params, PARAMS, 'GET /users.json');
  const fields = readFieldSelection(params, userResource);
  const paging = readPaging(params);
  const filters = readCommonFilters(params);
  const enabled = readBoolean(params, 'enabled');
  const subscriptionType = readSubscriptionType(params);
  const name = readSingle(params, 'name');

  const { account } = callerOf(res);
  const matching = account.users.filter(
    (user) =>
      (enabled === null || user.enabled === enabled) &&
      (subscriptionType === null || user.subscriptionType === subscriptionType) &&
      (name === null || `${user.firstName} ${user.lastName}` === name) &&
      passesCommonFilters(filters, user.id, user.createdAt, user.updatedAt),
  );
  const page = paginate(matching, (user) => user.id, paging, requestUrlOf(req));

  const data = page.records.map((user) => serializeRecord(userResource, user, fields));
  res.json({ data, meta: page.meta });
}
