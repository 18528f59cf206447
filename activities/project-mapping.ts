import type { ClioContact, ClioCustomFieldValue, ClioMatter, ClioPerson } from '../lib/clio/types';

/** A person on a project: a client who receives updates, or a member of the firm's team. */
export interface ProjectPerson {
  clioId: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  emails: string[];
  phones: { number: string; name: string | null }[];
  role: string;
}

/** A project's fields derived from one Clio matter; only fields the matter carried are present. */
export type MappedProject = Partial<{
  clioEtag: string;
  displayNumber: string | null;
  description: string | null;
  type: string | null;
  phase: string | null;
  status: 'not_started' | 'in_progress' | 'complete';
  clients: ProjectPerson[];
  team: ProjectPerson[];
  customFields: { clioFieldId: number | null; name: string | null; fieldType: string | null; value: unknown; option: string | null }[];
  clioUpdatedAt: Date | null;
}> & { clioMatterId: number; raw: ClioMatter };

function fromContact(contact: ClioContact, role: string): ProjectPerson {
  const emails = (contact.email_addresses ?? []).map((entry) => entry.address).filter((address): address is string => Boolean(address));
  const phones = (contact.phone_numbers ?? [])
    .filter((entry) => Boolean(entry.number))
    .map((entry) => ({ number: entry.number as string, name: entry.name ?? null }));
  return {
    clioId: contact.id,
    name: contact.name ?? null,
    email: contact.primary_email_address ?? emails[0] ?? null,
    phone: contact.primary_phone_number ?? phones[0]?.number ?? null,
    emails,
    phones,
    role,
  };
}

function fromEmbedded(person: ClioPerson, role: string): ProjectPerson {
  const email = person.primary_email_address ?? person.email ?? null;
  const phone = person.primary_phone_number ?? null;
  return { clioId: person.id, name: person.name ?? null, email, phone, emails: email ? [email] : [], phones: phone ? [{ number: phone, name: null }] : [], role };
}

function clientsOf(matter: ClioMatter, contacts: Map<number, ClioContact>): ProjectPerson[] {
  const clients: ProjectPerson[] = [];
  if (matter.client) {
    const contact = contacts.get(matter.client.id);
    clients.push(contact ? fromContact(contact, 'client') : fromEmbedded(matter.client, 'client'));
  }
  for (const relationship of matter.relationships ?? []) {
    const contact = relationship.contact ? contacts.get(relationship.contact.id) : undefined;
    if (contact?.is_client && !clients.some((client) => client.clioId === contact.id)) {
      clients.push(fromContact(contact, 'related_client'));
    }
  }
  return clients;
}

function teamOf(matter: ClioMatter): ProjectPerson[] {
  const members: [ClioPerson | null | undefined, string][] = [
    [matter.responsible_attorney, 'responsible_attorney'],
    [matter.responsible_staff, 'responsible_staff'],
  ];
  const team: ProjectPerson[] = [];
  for (const [person, role] of members) {
    if (person && !team.some((member) => member.clioId === person.id)) {
      team.push(fromEmbedded(person, role));
    }
  }
  return team;
}

function customFieldOf(value: ClioCustomFieldValue) {
  return {
    clioFieldId: value.custom_field?.id ?? null,
    name: value.field_name ?? null,
    fieldType: value.field_type ?? null,
    value: value.value ?? null,
    option: value.picklist_option?.option ?? null,
  };
}

/** Returns the contact ids a page of matters needs for its clients: each client and each related contact. */
export function contactIdsOf(matters: ClioMatter[]): number[] {
  const ids = new Set<number>();
  for (const matter of matters) {
    if (matter.client) {
      ids.add(matter.client.id);
    }
    for (const relationship of matter.relationships ?? []) {
      if (relationship.contact) {
        ids.add(relationship.contact.id);
      }
    }
  }
  return [...ids];
}

/**
 * Derives a project from a matter with the default mapping: the practice area is the project
 * type, the matter stage is the phase, a closed matter is complete, and a matter without a stage
 * has not started. A field the matter does not carry is left out, so it never overwrites a
 * stored value.
 */
export function mapMatterToProject(matter: ClioMatter, contacts: Map<number, ClioContact> = new Map()): MappedProject {
  const project: MappedProject = { clioMatterId: matter.id, raw: matter, clioEtag: matter.etag };
  const has = (field: keyof ClioMatter) => field in matter;
  if (has('display_number')) project.displayNumber = matter.display_number ?? null;
  if (has('description')) project.description = matter.description ?? null;
  if (has('practice_area')) project.type = matter.practice_area?.name ?? null;
  if (has('matter_stage')) project.phase = matter.matter_stage?.name ?? null;
  if (has('status') && has('matter_stage')) {
    project.status = matter.status === 'Closed' ? 'complete' : matter.matter_stage ? 'in_progress' : 'not_started';
  }
  if (has('client')) project.clients = clientsOf(matter, contacts);
  if (has('responsible_attorney') || has('responsible_staff')) project.team = teamOf(matter);
  if (has('custom_field_values')) project.customFields = (matter.custom_field_values ?? []).filter((value) => value.id !== null).map(customFieldOf);
  if (has('updated_at')) project.clioUpdatedAt = matter.updated_at ? new Date(matter.updated_at) : null;
  return project;
}
