import type { Request, Response } from 'express';
import { callerOf } from '../authenticate';
import { COMMON_FILTER_PARAMS, passesCommonFilters, readCommonFilters } from '../list-filters';
import { PAGING_PARAMS, paginate, readPaging } from '../paging';
import { readSingle, rejectUnknownParams } from '../query-params';
import { requestUrlOf, searchParamsOf } from '../request-context';
import { practiceAreaResource } from '../resources/practice-area-resource';
import { serializeRecord } from '../resource-type';
import { readFieldSelection } from '../select-fields';

const PARAMS = ['fields', ...PAGING_PARAMS, ...COMMON_FILTER_PARAMS, 'code', 'name'];

/** GET /api/v4/practice_areas.json: the account's practice areas, filtered and paged. */
export function listPracticeAreas(req: Request, res: Response): void {
  const params = searchParamsOf(req);
  rejectUnknownParams(params, PARAMS, 'GET /practice_areas.json');
  const fields = readFieldSelection(params, practiceAreaResource);
  const paging = readPaging(params);
  const filters = readCommonFilters(params);
  const code = readSingle(params, 'code');
  const name = readSingle(params, 'name');

  const { account } = callerOf(res);
  const matching = account.practiceAreas.filter(
    (area) =>
      (code === null || area.code === code) &&
      (name === null || area.name === name) &&
      passesCommonFilters(filters, area.id, area.createdAt, area.updatedAt),
  );
  const page = paginate(matching, (area) => area.id, paging, requestUrlOf(req));

  const data = page.records.map((area) => serializeRecord(practiceAreaResource, area, fields));
  res.json({ data, meta: page.meta });
}
