import type { ClioMatter, ClioPerson } from '../lib/clio/types';

/** A project's fields derived from one Clio matter, before it is written. */
export interface MappedProject {
  clioMatterId: number;
  clioEtag: string;
  displayNumber: string | null;
  description: string | null;
  type: string | null;
  phase: string | null;
  status: 'not_started' | 'in_progress' | 'complete';
  clients: Person[];
  team: Person[];
  clioUpdatedAt: Date | null;
  raw: ClioMatter;
}

interface Person {
  clioId: number;
  name: string | null;
  email: string | null;
  phone: string | null;
}

function toPerson(person: ClioPerson): Person {
  return {
    clioId: person.id,
    name: person.name ?? null,
    email: person.primary_email_address ?? person.email ?? null,
    phone: person.primary_phone_number ?? null,
  };
}

/**
 * Derives a project from a matter with the default mapping: the practice area is the project
 * type, the matter stage is the phase, a closed matter is complete, and a matter without a
 * stage has not started.
 */
export function mapMatterToProject(matter: ClioMatter): MappedProject {
  const team = [matter.responsible_attorney, matter.originating_attorney]
    .filter((person): person is ClioPerson => Boolean(person))
    .filter((person, index, all) => all.findIndex((other) => other.id === person.id) === index)
    .map(toPerson);
  let status: MappedProject['status'] = matter.matter_stage ? 'in_progress' : 'not_started';
  if (matter.status === 'Closed') {
    status = 'complete';
  }
  return {
    clioMatterId: matter.id,
    clioEtag: matter.etag,
    displayNumber: matter.display_number ?? null,
    description: matter.description ?? null,
    type: matter.practice_area?.name ?? null,
    phase: matter.matter_stage?.name ?? null,
    status,
    clients: matter.client ? [toPerson(matter.client)] : [],
    team,
    clioUpdatedAt: matter.updated_at ? new Date(matter.updated_at) : null,
    raw: matter,
  };
}
