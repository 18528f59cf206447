/** A contact or user as a matter embeds it, limited to the fields CaseBridge asks for. */
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
].join(',');

export const USER_FIELDS = 'id,name,email,time_zone';
