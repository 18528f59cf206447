import { applyMapping, personFromEmbedded, type DerivedProject, type FirmMapping, type ProjectPerson, type StoredProjectFields } from '../lib/mapping';
import type { ClioContact, ClioCustomFieldValue, ClioMatter } from '../lib/clio/types';

export type { ProjectPerson } from '../lib/mapping';

/**
 * A project's fields derived from one Clio matter; only fields the matter carried are present.
 * Type, phase, status, team and the unmapped flags come from the firm's mapping.
 */
export type MappedProject = DerivedProject & Partial<{
  clioEtag: string;
  displayNumber: string | null;
  description: string | null;
  clients: ProjectPerson[];
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

function clientsOf(matter: ClioMatter, contacts: Map<number, ClioContact>): ProjectPerson[] {
  const clients: ProjectPerson[] = [];
  if (matter.client) {
    const contact = contacts.get(matter.client.id);
    clients.push(contact ? fromContact(contact, 'client') : personFromEmbedded(matter.client, 'client'));
  }
  for (const relationship of matter.relationships ?? []) {
    const contact = relationship.contact ? contacts.get(relationship.contact.id) : undefined;
    if (contact?.is_client && !clients.some((client) => client.clioId === contact.id)) {
      clients.push(fromContact(contact, 'related_client'));
    }
  }
  return clients;
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
 * Derives a project from a matter: its own fields, its clients from `contacts`, and type, phase,
 * status and team through `mapping` (the default mapping when null). `stored` is the project as
 * last saved, so a matter whose stage maps to no phase keeps its last mapped phase. A field the
 * matter does not carry is left out, so it never overwrites a stored value.
 */
export function mapMatterToProject(
  matter: ClioMatter,
  contacts: Map<number, ClioContact> = new Map(),
  mapping: FirmMapping | null = null,
  stored?: StoredProjectFields,
): MappedProject {
  const project: MappedProject = { clioMatterId: matter.id, raw: matter, clioEtag: matter.etag, ...applyMapping(matter, mapping, stored) };
  const has = (field: keyof ClioMatter) => field in matter;
  if (has('display_number')) project.displayNumber = matter.display_number ?? null;
  if (has('description')) project.description = matter.description ?? null;
  if (has('client')) project.clients = clientsOf(matter, contacts);
  if (has('custom_field_values')) project.customFields = (matter.custom_field_values ?? []).filter((value) => value.id !== null).map(customFieldOf);
  if (has('updated_at')) project.clioUpdatedAt = matter.updated_at ? new Date(matter.updated_at) : null;
  return project;
}
