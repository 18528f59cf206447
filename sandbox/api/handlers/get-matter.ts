import type { Request, Response } from 'express';
import { recordNotFound } from '../api-error';
import { callerOf } from '../authenticate';
import { isClientCopyCurrent } from '../conditional-get';
import { rejectUnknownParams } from '../query-params';
import { searchParamsOf } from '../request-context';
import { matterResource } from '../resources/matter-resource';
import { serializeRecord } from '../resource-type';
import { readFieldSelection } from '../select-fields';

/**
 * Handles GET /api/v4/matters/{id}.json: one matter with ETag and Last-Modified, or 304 when
 * If-None-Match matches. A deleted matter gets 404 like one that never existed.
 */
export function getMatter(req: Request, res: Response): void {
  const params = searchParamsOf(req);
  rejectUnknownParams(params, ['fields'], 'GET /matters/{id}.json');
  const fields = readFieldSelection(params, matterResource);

  const { account } = callerOf(res);
  const rawId = String(req.params.id);
  const index = /^\d+$/.test(rawId) ? account.matters.indexOfLiveId(Number(rawId)) : -1;
  if (index === -1) throw recordNotFound(`Matter ${rawId} was not found in this account.`);

  if (isClientCopyCurrent(req, res, account.matters.etagAt(index), account.matters.updatedAt[index])) {
    res.status(304).end();
    return;
  }
  res.json({ data: serializeRecord(matterResource, { account, index }, fields) });
}
