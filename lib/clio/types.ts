/** A contact or user as a matter embeds it, limited to the fields CaseBridge requests. */
export interface ClioPerson {
  id: number;
  name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  type?: 'Person' | 'Company' | null;
  email?: string | null;
  primary_email_address?: string | null;
  primary_phone_number?: string | null;
}

/** A Clio matter with the fields CaseBridge reads; Clio sends null for empty values. */
export interface ClioMatter {
  id: number;
  etag: string;
  number?: number | null;
  display_number?: string | null;
  description?: string | null;
  status?: 'Open' | 'Pending' | 'Closed' | null;
  open_date?: string | null;
  pending_date?: string | null;
  close_date?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  matter_stage_updated_at?: string | null;
  client?: ClioPerson | null;
  practice_area?: { id: number; name?: string | null } | null;
  matter_stage?: { id: number; name?: string | null; order?: number | null } | null;
  responsible_attorney?: ClioPerson | null;
  originating_attorney?: ClioPerson | null;
  responsible_staff?: ClioPerson | null;
  relationships?: ClioRelationship[] | null;
  custom_field_values?: ClioCustomFieldValue[] | null;
}

/** A contact related to a matter; Clio names the contact by id only at this nesting level. */
export interface ClioRelationship {
  id: number;
  description?: string | null;
  contact?: { id: number } | null;
}

/**
 * A custom field value on a matter. The OpenAPI description types `value` as a string for every
 * field type, while client code seen in public sends numbers and booleans too, so both are read.
 * For a picklist the value is the option id, and `picklist_option` carries the label.
 */
export interface ClioCustomFieldValue {
  id?: string | null;
  value?: string | number | boolean | null;
  field_name?: string | null;
  field_type?: string | null;
  custom_field?: { id: number } | null;
  picklist_option?: { id: number; option?: string | null } | null;
}

/** A contact with every email address and phone number, from a batched contacts read. */
export interface ClioContact {
  id: number;
  name?: string | null;
  type?: 'Person' | 'Company' | null;
  is_client?: boolean | null;
  primary_email_address?: string | null;
  primary_phone_number?: string | null;
  email_addresses?: { address?: string | null; name?: string | null; primary?: boolean | null }[] | null;
  phone_numbers?: { number?: string | null; name?: string | null; primary?: boolean | null }[] | null;
}

/** The connected Clio user, from `GET /users/who_am_i.json`. */
export interface ClioUser {
  id: number;
  name: string;
  email?: string | null;
  time_zone?: string | null;
}

/** One page of a list endpoint and the absolute URL of the next page, when there is one. */
export interface ClioPage<T> {
  data: T[];
  nextUrl: string | null;
  records: number | null;
}

/**
 * The matter fields CaseBridge requests. Clio returns only id and etag without `fields`, and
 * allows field names on one nesting level only.
 */
export const MATTER_FIELDS = [
  'id', 'etag', 'number', 'display_number', 'description', 'status',
  'open_date', 'pending_date', 'close_date', 'created_at', 'updated_at', 'matter_stage_updated_at',
  'client{id,name,first_name,last_name,type,primary_email_address,primary_phone_number}',
  'practice_area{id,name}',
  'matter_stage{id,name,order}',
  'responsible_attorney{id,name,email}',
  'originating_attorney{id,name,email}',
  'responsible_staff{id,name,email}',
  'relationships{id,description,contact}',
  'custom_field_values{id,value,field_name,field_type,custom_field,picklist_option}',
].join(',');

/** Contact fields for a page's batched contacts read. */
export const CONTACT_FIELDS = [
  'id', 'name', 'type', 'is_client', 'primary_email_address', 'primary_phone_number',
  'email_addresses{address,name,primary}', 'phone_numbers{number,name,primary}',
].join(',');

export const USER_FIELDS = 'id,name,email,time_zone';

/** A practice area, from `GET /practice_areas.json`. */
export interface ClioPracticeArea {
  id: number;
  name?: string | null;
}

/** A matter stage, from `GET /matter_stages.json`; Clio sends `practice_area_id` as a string. */
export interface ClioMatterStage {
  id: number;
  name?: string | null;
  order?: number | null;
  practice_area_id?: string | number | null;
}

/** A custom field definition, from `GET /custom_fields.json`, with its picklist options. */
export interface ClioCustomField {
  id: number;
  name?: string | null;
  field_type?: string | null;
  deleted?: boolean | null;
  picklist_options?: { id: number; option?: string | null; deleted_at?: string | null }[] | null;
}

export const PRACTICE_AREA_FIELDS = 'id,name';
export const MATTER_STAGE_FIELDS = 'id,name,order,practice_area_id';
export const CUSTOM_FIELD_FIELDS = 'id,name,field_type,deleted,picklist_options{id,option,deleted_at}';
