import type { ClioMatter, ClioPerson } from '../clio/types';
import type { ProjectPerson, TeamMapping } from './types';

/** Converts a person a matter embeds (client, attorney or staff) to a project person with `role`. */
export function personFromEmbedded(person: ClioPerson, role: string): ProjectPerson {
  const email = person.primary_email_address ?? person.email ?? null;
  const phone = person.primary_phone_number ?? null;
  return { clioId: person.id, name: person.name ?? null, email, phone, emails: email ? [email] : [], phones: phone ? [{ number: phone, name: null }] : [], role };
}

/**
 * Builds a project's team from the matter's responsible attorney and, unless the mapping leaves
 * them out, its responsible staff. A person holding both roles appears once. The primary contact
 * is the person in the role the mapping names, or the other member when that role is empty.
 */
export function teamOf(matter: ClioMatter, mapping: TeamMapping): ProjectPerson[] {
  const members: [ClioPerson | null | undefined, TeamMapping['primaryContact']][] = [[matter.responsible_attorney, 'responsible_attorney']];
  if (mapping.includeResponsibleStaff) {
    members.push([matter.responsible_staff, 'responsible_staff']);
  }

  const team: ProjectPerson[] = [];
  for (const [person, role] of members) {
    if (person && !team.some((member) => member.clioId === person.id)) {
      team.push({ ...personFromEmbedded(person, role), primary: false });
    }
  }

  const primary = team.find((member) => member.role === mapping.primaryContact) ?? team[0];
  if (primary) {
    primary.primary = true;
  }
  return team;
}
