import type { Request, Response } from 'express';
import { callerOf } from '../authenticate';
import { isClientCopyCurrent } from '../conditional-get';
import { rejectUnknownParams } from '../query-params';
import { searchParamsOf } from '../request-context';
import { userEtag, userResource } from '../resources/user-resource';
import { serializeRecord } from '../resource-type';
import { readFieldSelection } from '../select-fields';

/** GET /api/v4/users/who_am_i.json: the user who authorized the access token. */
export function getWhoAmI(req: Request, res: Response): void {
  const params = searchParamsOf(req);
  rejectUnknownParams(params, ['fields'], 'GET /users/who_am_i.json');
  const fields = readFieldSelection(params, userResource);

  const { user } = callerOf(res);
  if (isClientCopyCurrent(req, res, userEtag(user), user.updatedAt)) {
    res.status(304).end();
    return;
  }
  res.json({ data: serializeRecord(userResource, user, fields) });
}
