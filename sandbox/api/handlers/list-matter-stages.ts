import type { Request, Response } from 'express';
import { callerOf } from '../authenticate';
import { COMMON_FILTER_PARAMS, passesCommonFilters, readCommonFilters } from '../list-filters';
import { PAGING_PARAMS, paginate, readPaging } from '../paging';
import { readInteger, rejectUnknownParams } from '../query-params';
import { requestUrlOf, searchParamsOf } from '../request-context';
import { matterStageResource } from '../resources/matter-stage-resource';
import { serializeRecord } from '../resource-type';
import { readFieldSelection } from '../select-fields';

const PARAMS = ['fields', ...PAGING_PARAMS, ...COMMON_FILTER_PARAMS, 'practice_area_id'];

/**
 * GET /api/v4/matter_stages.json: the account's matter stages, in id order, filtered and paged.
 * An unknown practice_area_id gives an empty list rather than an error.
 */
export function listMatterStages(req: Request, res: Response): void {
  const params = searchParamsOf(req);
  rejectUnknownParams(params, PARAMS, 'GET /matter_stages.json');
  const fields = readFieldSelection(params, matterStageResource);
  const paging = readPaging(params);
  const filters = readCommonFilters(params);
  const practiceAreaId = readInteger(params, 'practice_area_id', 1, Number.MAX_SAFE_INTEGER);

  const { account } = callerOf(res);
  const matching = account.matterStages.filter(
    (stage) =>
      (practiceAreaId === null || stage.practiceAreaId === practiceAreaId) &&
      passesCommonFilters(filters, stage.id, stage.createdAt, stage.updatedAt),
  );
  const page = paginate(matching, (stage) => stage.id, paging, requestUrlOf(req));

  const data = page.records.map((stage) => serializeRecord(matterStageResource, stage, fields));
  res.json({ data, meta: page.meta });
}
