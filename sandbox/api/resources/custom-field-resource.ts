import type { CustomFieldRecord, PicklistOptionRecord } from '../../data/custom-field-records';
import { computeEtag, formatTimestamp } from '../../data/format';
import { nestedListField, type ResourceType } from '../resource-type';

/**
 * The PicklistOption fields the sandbox serves.
 * NOTE: Clio's docs do not say which fields a nested picklist option returns when named without
 * braces. The sandbox adds `option` to id and etag, so a value's label can be read in one request.
 * Check this against live Clio before the product relies on it.
 */
export const picklistOptionResource: ResourceType<PicklistOptionRecord> = {
  name: 'PicklistOption',
  defaultFields: ['id', 'etag', 'option'],
  fields: {
    id: (option) => option.id,
    etag: (option) => computeEtag('PicklistOption', option.id, option.updatedAt),
    option: (option) => option.option,
    deleted_at: (option) => formatTimestamp(option.deletedAt),
    created_at: (option) => formatTimestamp(option.createdAt),
    updated_at: (option) => formatTimestamp(option.updatedAt),
  },
};

/** The CustomField fields the sandbox serves. */
export const customFieldResource: ResourceType<CustomFieldRecord> = {
  name: 'CustomField',
  fields: {
    id: (field) => field.id,
    etag: (field) => computeEtag('CustomField', field.id, field.updatedAt),
    name: (field) => field.name,
    parent_type: (field) => field.parentType,
    field_type: (field) => field.fieldType,
    displayed: (field) => field.displayed,
    deleted: (field) => field.deleted,
    required: (field) => field.required,
    display_order: (field) => field.displayOrder,
    created_at: (field) => formatTimestamp(field.createdAt),
    updated_at: (field) => formatTimestamp(field.updatedAt),
  },
  nested: {
    picklist_options: nestedListField(picklistOptionResource, (field) => field.picklistOptions),
  },
};
