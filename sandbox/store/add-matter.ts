import type { Account } from '../data/account';
import { displayNumberFor } from '../data/matter-labels';
import { MAX_RELATIONSHIPS_PER_MATTER, type NewRelationship } from '../data/matter-relationships';
import { MATTER_STATUSES, NONE, type MatterStatus } from '../data/matter-table';
import { createRandom, mixSeed, randomInt } from '../data/random';
import { findCustomField, normalizeCustomFieldValue, type CustomFieldInput } from './custom-field-value-check';
import { SandboxError } from './sandbox-error';

const DAY_MS = 86_400_000;

/** A matter to add, as a firm would open it in Clio Manage. Absent fields get defaults. */
export interface NewMatter {
  /** @default a contact drawn from the account seed */
  clientId?: number;
  /** @default a description of the practice area followed by the client's name */
  description?: string;
  /** @default 'Open' */
  status?: MatterStatus;
  /** Null leaves the matter without a practice area. @default one drawn from the account seed */
  practiceAreaId?: number | null;
  /** Must belong to the practice area; null leaves the matter without a stage. @default the area's first stage */
  matterStageId?: number | null;
  /** @default the connected user */
  responsibleAttorneyId?: number | null;
  /** @default null */
  originatingAttorneyId?: number | null;
  /** @default null */
  responsibleStaffId?: number | null;
  /** Related contacts, at most four. @default none */
  relationships?: { contactId: number; description: string }[];
  /** @default none */
  customFieldValues?: { customFieldId: number; value: CustomFieldInput }[];
}

/**
 * Adds a matter created now, with the next matter id and number, and returns its position. Every
 * reference is checked before the matter is stored, so a rejected request changes nothing.
 */
export function addMatter(account: Account, input: NewMatter, nowMs: number): number {
  const { matters, contacts } = account;
  if (matters.count >= matters.maxCount) {
    throw new SandboxError('matter_limit_reached', `Account ${account.id} has reached its maximum of ${matters.maxCount} matters, because the ids after them belong to other accounts; create another account.`);
  }
  const index = matters.count;
  const random = createRandom(mixSeed(account.seed, 7, index));

  const clientIndex = input.clientId === undefined ? randomInt(random, 0, contacts.count - 1) : findContactIndex(account, input.clientId);
  const areaIndex = resolvePracticeArea(account, input.practiceAreaId, randomInt(random, 0, account.practiceAreas.length - 1));
  const stageIndex = resolveStage(account, areaIndex, input.matterStageId);
  const responsible = input.responsibleAttorneyId === undefined ? 0 : findUserIndex(account, input.responsibleAttorneyId);
  const originating = findUserIndex(account, input.originatingAttorneyId ?? null);
  const staff = findUserIndex(account, input.responsibleStaffId ?? null);
  const relationships = resolveRelationships(account, input.relationships ?? []);
  const values = (input.customFieldValues ?? []).map(({ customFieldId, value }) => {
    const field = findCustomField(account, customFieldId, 'Matter');
    return { field, value: normalizeCustomFieldValue(account, field, value) };
  });
  const client = contacts.at(clientIndex);
  const area = account.practiceAreas[areaIndex];
  const description = input.description ?? `${area?.descriptions[0] ?? 'General matter'} for ${client.name}`;
  const status = input.status ?? 'Open';

  matters.append({ description, displayNumber: displayNumberFor(index + 1, client) });
  const createdAt = Math.floor(nowMs / 1000) * 1000;
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  matters.client[index] = clientIndex;
  matters.practiceArea[index] = areaIndex;
  matters.matterStage[index] = stageIndex;
  matters.responsibleAttorney[index] = responsible;
  matters.originatingAttorney[index] = originating;
  matters.responsibleStaff[index] = staff;
  matters.status[index] = MATTER_STATUSES.indexOf(status);
  matters.createdAt[index] = createdAt;
  matters.updatedAt[index] = createdAt;
  matters.matterStageUpdatedAt[index] = stageIndex === NONE ? Number.NaN : createdAt;
  matters.openDate[index] = status === 'Pending' ? Number.NaN : today;
  matters.pendingDate[index] = status === 'Pending' ? today : Number.NaN;
  matters.closeDate[index] = status === 'Closed' ? today : Number.NaN;
  contacts.markClient(clientIndex);
  account.relationships.setForAddedMatter(index, relationships, nowMs);
  const parent = { index, id: matters.idAt(index), createdAt, generated: false };
  for (const { field, value } of values) account.matterCustomFieldValues.set(parent, field, value, createdAt);
  return index;
}

function findContactIndex(account: Account, contactId: number): number {
  const index = account.contacts.indexOfId(contactId);
  if (index === -1) {
    const lastId = account.contacts.firstId + account.contacts.count - 1;
    throw new SandboxError('contact_not_found', `Account ${account.id} has no contact with id ${contactId}; its contact ids run from ${account.contacts.firstId} to ${lastId}.`);
  }
  return index;
}

function findUserIndex(account: Account, userId: number | null): number {
  if (userId === null) return NONE;
  const index = account.users.findIndex((user) => user.id === userId);
  if (index === -1) {
    throw new SandboxError('user_not_found', `Account ${account.id} has no user with id ${userId}; its users are ${account.users.map((user) => user.id).join(', ')}.`);
  }
  return index;
}

function resolvePracticeArea(account: Account, practiceAreaId: number | null | undefined, drawn: number): number {
  if (practiceAreaId === undefined) return drawn;
  if (practiceAreaId === null) return NONE;
  const index = account.practiceAreas.findIndex((area) => area.id === practiceAreaId);
  if (index === -1) {
    const ids = account.practiceAreas.map((area) => area.id).join(', ');
    throw new SandboxError('practice_area_not_found', `Account ${account.id} has no practice area with id ${practiceAreaId}; its practice areas are ${ids}.`);
  }
  return index;
}

function resolveStage(account: Account, areaIndex: number, matterStageId: number | null | undefined): number {
  const area = account.practiceAreas[areaIndex];
  if (matterStageId === null) return NONE;
  if (matterStageId === undefined) return area ? account.matterStages.findIndex((stage) => stage.practiceAreaId === area.id) : NONE;

  const index = account.matterStages.findIndex((stage) => stage.id === matterStageId);
  const stage = account.matterStages[index];
  if (!stage) throw new SandboxError('matter_stage_not_found', `Account ${account.id} has no matter stage with id ${matterStageId}.`);
  if (stage.practiceAreaId !== area?.id) {
    const areaText = area ? `practice area ${area.id}` : 'no practice area';
    throw new SandboxError('matter_stage_outside_practice_area', `Matter stage ${matterStageId} belongs to practice area ${stage.practiceAreaId}, but the new matter has ${areaText}.`);
  }
  return index;
}

function resolveRelationships(account: Account, requested: readonly { contactId: number; description: string }[]): NewRelationship[] {
  if (requested.length > MAX_RELATIONSHIPS_PER_MATTER) {
    throw new SandboxError('invalid_request', `relationships has ${requested.length} entries; a matter takes at most ${MAX_RELATIONSHIPS_PER_MATTER}.`);
  }
  return requested.map(({ contactId, description }) => ({ contactIndex: findContactIndex(account, contactId), description }));
}
