import { CUSTOM_FIELD_TEMPLATES } from './custom-field-catalogue';
import type { CustomFieldRecord, PicklistOptionRecord } from './custom-field-records';

const DAY_MS = 86_400_000;

/** Ids reserved per account for custom fields, and for picklist options. */
export const CUSTOM_FIELD_BLOCK = 20;
export const PICKLIST_OPTION_BLOCK = 100;

/**
 * Builds the account's custom fields from the catalogue, created a few weeks after the account was
 * set up. The fields are the same for every seed, so tests can name them.
 */
export function generateCustomFields(firstCustomFieldId: number, firstPicklistOptionId: number, setUpAt: number): CustomFieldRecord[] {
  let nextOptionId = firstPicklistOptionId;
  const displayOrders = { Matter: 0, Contact: 0 };

  return CUSTOM_FIELD_TEMPLATES.map((template, position) => {
    const createdAt = setUpAt + (30 + position) * DAY_MS;
    const updatedAt = template.deleted ? createdAt + 400 * DAY_MS : createdAt;
    const picklistOptions: PicklistOptionRecord[] = (template.options ?? []).map((label) => {
      const deleted = label.startsWith('-');
      return {
        id: nextOptionId++,
        option: deleted ? label.slice(1) : label,
        deletedAt: deleted ? createdAt + 200 * DAY_MS : Number.NaN,
        createdAt,
        updatedAt: deleted ? createdAt + 200 * DAY_MS : createdAt,
      };
    });
    const displayOrder = displayOrders[template.parentType]++;

    return {
      id: firstCustomFieldId + position,
      position,
      name: template.name,
      parentType: template.parentType,
      fieldType: template.fieldType,
      displayed: template.displayed,
      deleted: template.deleted,
      required: template.required,
      displayOrder,
      picklistOptions,
      fillRate: template.fillRate,
      createdAt,
      updatedAt,
    };
  });
}
