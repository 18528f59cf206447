import type { CustomFieldValueRecord } from '../../data/custom-field-values';
import { computeEtag, formatTimestamp } from '../../data/format';
import { nestedField, type ResourceType } from '../resource-type';
import { customFieldResource, picklistOptionResource } from './custom-field-resource';

function pickedOption(entry: CustomFieldValueRecord) {
  if (entry.field.fieldType !== 'picklist' || entry.value === null) return null;
  return entry.field.picklistOptions.find((option) => String(option.id) === entry.value) ?? null;
}

/**
 * The CustomFieldValue fields the sandbox serves. The id is a composite string of the field type
 * and a number, such as `picklist-48000000352`, and null for a displayed field without a value.
 */
export const customFieldValueResource: ResourceType<CustomFieldValueRecord> = {
  name: 'CustomFieldValue',
  fields: {
    id: (entry) => (entry.instanceId === null ? null : `${entry.field.fieldType}-${entry.instanceId}`),
    etag: (entry) => (entry.instanceId === null ? null : computeEtag('CustomFieldValue', entry.instanceId, entry.updatedAt)),
    field_name: (entry) => entry.field.name,
    field_type: (entry) => entry.field.fieldType,
    field_required: (entry) => entry.field.required,
    field_displayed: (entry) => entry.field.displayed,
    field_display_order: (entry) => entry.field.displayOrder,
    value: (entry) => entry.value,
    soft_deleted: (entry) => entry.field.deleted,
    created_at: (entry) => formatTimestamp(entry.createdAt),
    updated_at: (entry) => formatTimestamp(entry.updatedAt),
  },
  nested: {
    custom_field: nestedField(customFieldResource, (entry) => entry.field),
    picklist_option: nestedField(picklistOptionResource, pickedOption),
  },
};
