import type { Request, Response } from 'express';
import { MATTER_STATUSES, type MatterTable } from '../../data/matter-table';
import { argumentError } from '../api-error';
import { callerOf } from '../authenticate';
import { COMMON_FILTER_PARAMS, passesCommonFilters, readCommonFilters, type CommonFilters } from '../list-filters';
import { PAGING_PARAMS, paginate, readPaging } from '../paging';
import { readSingle, rejectUnknownParams } from '../query-params';
import { requestUrlOf, searchParamsOf } from '../request-context';
import { matterResource } from '../resources/matter-resource';
import { readFieldSelection } from '../select-fields';
import { serializeRecord } from '../resource-type';

const PARAMS = ['fields', ...PAGING_PARAMS, ...COMMON_FILTER_PARAMS, 'status'];

/** Reads `status`, a comma list of lowercase statuses such as `open,pending`, as status codes. */
function readStatusFilter(params: URLSearchParams): Set<number> | null {
  const raw = readSingle(params, 'status');
  if (raw === null) return null;
  const lowercase = MATTER_STATUSES.map((status) => status.toLowerCase());
  const codes = new Set<number>();
  for (const part of raw.split(',')) {
    const code = lowercase.indexOf(part.trim());
    if (code === -1) throw argumentError(`Invalid status "${raw}": expected a comma list of open, pending and closed.`);
    codes.add(code);
  }
  return codes;
}

function findMatchingMatters(matters: MatterTable, filters: CommonFilters, statuses: Set<number> | null): number[] {
  const matching: number[] = [];
  for (let index = 0; index < matters.count; index += 1) {
    if (matters.isDeleted(index)) continue;
    if (statuses !== null && !statuses.has(matters.status[index])) continue;
    if (!passesCommonFilters(filters, matters.idAt(index), matters.createdAt[index], matters.updatedAt[index])) continue;
    matching.push(index);
  }
  return matching;
}

/** GET /api/v4/matters.json: the account's matters, filtered and paged. Deleted matters are left out. */
export function listMatters(req: Request, res: Response): void {
  const params = searchParamsOf(req);
  rejectUnknownParams(params, PARAMS, 'GET /matters.json');
  const fields = readFieldSelection(params, matterResource);
  const paging = readPaging(params);
  const filters = readCommonFilters(params);
  const statuses = readStatusFilter(params);

  const { account } = callerOf(res);
  const matching = findMatchingMatters(account.matters, filters, statuses);
  const page = paginate(matching, (index) => account.matters.idAt(index), paging, requestUrlOf(req));

  const data = page.records.map((index) => serializeRecord(matterResource, { account, index }, fields));
  res.json({ data, meta: page.meta });
}
