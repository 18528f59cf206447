import type { Request, Response } from 'express';
import { recordNotFound } from '../api-error';
import { callerOf } from '../authenticate';
import { isClientCopyCurrent } from '../conditional-get';
import { rejectUnknownParams } from '../query-params';
import { searchParamsOf } from '../request-context';
import { contactEtag, contactRefAt, contactResource } from '../resources/contact-resource';
import { serializeRecord } from '../resource-type';
import { readFieldSelection } from '../select-fields';

/** Handles GET /api/v4/contacts/{id}.json: one contact with ETag and Last-Modified, or 304 when If-None-Match matches. */
export function getContact(req: Request, res: Response): void {
  const params = searchParamsOf(req);
  rejectUnknownParams(params, ['fields'], 'GET /contacts/{id}.json');
  const fields = readFieldSelection(params, contactResource);

  const { account } = callerOf(res);
  const rawId = String(req.params.id);
  const index = /^\d+$/.test(rawId) ? account.contacts.indexOfId(Number(rawId)) : -1;
  if (index === -1) throw recordNotFound(`Contact ${rawId} was not found in this account.`);

  const ref = contactRefAt(account, index);
  if (isClientCopyCurrent(req, res, contactEtag(ref.contact), ref.contact.updatedAt)) {
    res.status(304).end();
    return;
  }
  res.json({ data: serializeRecord(contactResource, ref, fields) });
}
