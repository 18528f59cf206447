/** Field types of Clio custom fields, in the order of Clio's CustomField schema. */
export const CUSTOM_FIELD_TYPES = [
  'checkbox', 'contact', 'currency', 'date', 'time', 'email', 'matter', 'numeric', 'picklist', 'text_area', 'text_line', 'url',
] as const;

/** The type of a custom field, which decides the form of its values. */
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** The record type a custom field belongs to, as Clio writes it in responses. */
export type CustomFieldParentType = 'Matter' | 'Contact';

/** One choice of a picklist custom field. */
export interface PicklistOptionRecord {
  id: number;
  option: string;
  /** Unix milliseconds at which the option was removed from the picklist, or NaN while it is offered. */
  deletedAt: number;
  createdAt: number;
  updatedAt: number;
}

/** A custom field definition of an account. Times are Unix milliseconds at whole seconds. */
export interface CustomFieldRecord {
  id: number;
  /** Position in the account's custom field list (0 to 31), which makes value ids unique per record. */
  position: number;
  name: string;
  parentType: CustomFieldParentType;
  fieldType: CustomFieldType;
  /** Whether Clio Manage shows the field on every record, so records without a value list it with a null value. */
  displayed: boolean;
  /** Whether the field was deleted, so its remaining values are marked `soft_deleted`. */
  deleted: boolean;
  required: boolean;
  /** Position among the fields of the same parent type, from 0. */
  displayOrder: number;
  /** Choices of a picklist field, and an empty list for other types. */
  picklistOptions: PicklistOptionRecord[];
  /** Share of generated records, from 0 to 1, that have a value for this field. */
  fillRate: number;
  createdAt: number;
  updatedAt: number;
}

/** Most custom fields an account can have, because a value id packs the field position into 5 bits. */
export const MAX_CUSTOM_FIELDS = 32;

/**
 * Returns the numeric part of the id of the value of `field` on the record with `parentId`. It
 * depends only on the record and the field, so a value keeps its id across edits.
 */
export function customFieldValueInstanceId(parentId: number, field: CustomFieldRecord): number {
  return parentId * MAX_CUSTOM_FIELDS + field.position;
}
