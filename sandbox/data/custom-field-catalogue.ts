import type { CustomFieldParentType, CustomFieldType } from './custom-field-records';

/** A custom field that every generated account gets. */
export interface CustomFieldTemplate {
  name: string;
  parentType: CustomFieldParentType;
  fieldType: CustomFieldType;
  displayed: boolean;
  deleted: boolean;
  required: boolean;
  /** Share of generated records, from 0 to 1, that get a value. */
  fillRate: number;
  /** Choices of a picklist field. Names starting with `-` are options that were deleted from the picklist. */
  options?: readonly string[];
}

/**
 * Custom fields of every generated account, matter fields first. They cover most field types,
 * a deleted field whose values are soft-deleted, and a picklist with a deleted option.
 */
export const CUSTOM_FIELD_TEMPLATES: readonly CustomFieldTemplate[] = [
  {
    name: 'Case phase',
    parentType: 'Matter',
    fieldType: 'picklist',
    displayed: true,
    deleted: false,
    required: true,
    fillRate: 0.85,
    options: ['Intake', 'Investigation', 'Negotiation', 'Litigation', 'Resolution', '-On hold'],
  },
  { name: 'Sync to client app', parentType: 'Matter', fieldType: 'checkbox', displayed: true, deleted: false, required: false, fillRate: 0.7 },
  { name: 'Court file number', parentType: 'Matter', fieldType: 'text_line', displayed: false, deleted: false, required: false, fillRate: 0.4 },
  { name: 'Limitation date', parentType: 'Matter', fieldType: 'date', displayed: false, deleted: false, required: false, fillRate: 0.3 },
  { name: 'Claim value', parentType: 'Matter', fieldType: 'currency', displayed: false, deleted: false, required: false, fillRate: 0.25 },
  { name: 'Notes for the client', parentType: 'Matter', fieldType: 'text_area', displayed: false, deleted: false, required: false, fillRate: 0.2 },
  { name: 'Referred by', parentType: 'Matter', fieldType: 'contact', displayed: false, deleted: false, required: false, fillRate: 0.15 },
  { name: 'Legacy intake code', parentType: 'Matter', fieldType: 'text_line', displayed: false, deleted: true, required: false, fillRate: 0.3 },
  {
    name: 'Preferred contact method',
    parentType: 'Contact',
    fieldType: 'picklist',
    displayed: true,
    deleted: false,
    required: false,
    fillRate: 0.6,
    options: ['Email', 'Phone', 'Text message', 'Post'],
  },
  { name: 'Interpreter needed', parentType: 'Contact', fieldType: 'checkbox', displayed: false, deleted: false, required: false, fillRate: 0.3 },
  { name: 'First consultation', parentType: 'Contact', fieldType: 'date', displayed: false, deleted: false, required: false, fillRate: 0.5 },
  { name: 'Client portal email', parentType: 'Contact', fieldType: 'email', displayed: false, deleted: false, required: false, fillRate: 0.3 },
  { name: 'Website', parentType: 'Contact', fieldType: 'url', displayed: false, deleted: false, required: false, fillRate: 0.2 },
  { name: 'Number of dependants', parentType: 'Contact', fieldType: 'numeric', displayed: false, deleted: false, required: false, fillRate: 0.2 },
];

/** Lines that generated text_area values draw from. */
export const CLIENT_NOTES: readonly string[] = [
  'Waiting for the signed retainer agreement.',
  'Client prefers calls after 5 pm.',
  'Documents requested from the other side; follow up in two weeks.',
  'Hearing date to be confirmed by the court registry.',
];
