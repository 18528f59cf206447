import type { Request, Response } from 'express';
import { CUSTOM_FIELD_TYPES, type CustomFieldParentType, type CustomFieldType } from '../../data/custom-field-records';
import { argumentError } from '../api-error';
import { callerOf } from '../authenticate';
import { COMMON_FILTER_PARAMS, passesCommonFilters, readCommonFilters } from '../list-filters';
import { PAGING_PARAMS, paginate, readPaging } from '../paging';
import { readBoolean, readSingle, rejectUnknownParams } from '../query-params';
import { requestUrlOf, searchParamsOf } from '../request-context';
import { customFieldResource } from '../resources/custom-field-resource';
import { serializeRecord } from '../resource-type';
import { readFieldSelection } from '../select-fields';

const PARAMS = ['fields', ...PAGING_PARAMS, ...COMMON_FILTER_PARAMS, 'parent_type', 'field_type', 'deleted'];

/** Reads `parent_type`, which Clio takes in lowercase (`matter`, `contact`) and returns capitalized. */
function readParentType(params: URLSearchParams): CustomFieldParentType | null {
  const value = readSingle(params, 'parent_type');
  if (value === null) return null;
  if (value === 'matter') return 'Matter';
  if (value === 'contact') return 'Contact';
  throw argumentError(`Invalid parent_type "${value}": expected matter or contact.`);
}

function readFieldType(params: URLSearchParams): CustomFieldType | null {
  const value = readSingle(params, 'field_type');
  if (value === null) return null;
  const known = CUSTOM_FIELD_TYPES.find((type) => type === value);
  if (!known) throw argumentError(`Invalid field_type "${value}": expected one of ${CUSTOM_FIELD_TYPES.join(', ')}.`);
  return known;
}

/**
 * GET /api/v4/custom_fields.json: the account's custom field definitions, deleted ones included
 * unless `deleted=false`, filtered and paged.
 */
export function listCustomFields(req: Request, res: Response): void {
  const params = searchParamsOf(req);
  rejectUnknownParams(params, PARAMS, 'GET /custom_fields.json');
  const fields = readFieldSelection(params, customFieldResource);
  const paging = readPaging(params);
  const filters = readCommonFilters(params);
  const parentType = readParentType(params);
  const fieldType = readFieldType(params);
  const deleted = readBoolean(params, 'deleted');

  const { account } = callerOf(res);
  const matching = account.customFields.filter(
    (field) =>
      (parentType === null || field.parentType === parentType) &&
      (fieldType === null || field.fieldType === fieldType) &&
      (deleted === null || field.deleted === deleted) &&
      passesCommonFilters(filters, field.id, field.createdAt, field.updatedAt),
  );
  const page = paginate(matching, (field) => field.id, paging, requestUrlOf(req));

  const data = page.records.map((field) => serializeRecord(customFieldResource, field, fields));
  res.json({ data, meta: page.meta });
}
