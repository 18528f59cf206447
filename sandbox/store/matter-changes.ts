import type { Account } from '../data/account';
import { formatTimestamp } from '../data/format';
import { MATTER_STATUSES, type MatterStatus } from '../data/matter-table';
import { createRandom, mixSeed } from '../data/random';
import { findCustomField, normalizeCustomFieldValue, type CustomFieldInput } from './custom-field-value-check';
import { SandboxError } from './sandbox-error';

const DAY_MS = 86_400_000;

/** Touch requests made per account, so each one draws other matters. */
const touchRounds = new WeakMap<Account, number>();

/**
 * Changes the status of the matter at `index` as Clio Manage does, and returns whether anything
 * changed. Closing sets close_date to today. Reopening clears close_date and sets open_date if the
 * matter was never open. Pending sets pending_date if it has none. Each change bumps updated_at
 * and the etag. Setting the current status changes nothing.
 */
export function setMatterStatus(account: Account, index: number, status: MatterStatus, nowMs: number): boolean {
  const { matters } = account;
  if (matters.statusAt(index) === status) return false;
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;

  matters.status[index] = MATTER_STATUSES.indexOf(status);
  if (status === 'Closed') {
    matters.closeDate[index] = today;
  } else {
    matters.closeDate[index] = Number.NaN;
  }
  if (status === 'Open' && Number.isNaN(matters.openDate[index])) matters.openDate[index] = today;
  if (status === 'Pending' && Number.isNaN(matters.pendingDate[index])) matters.pendingDate[index] = today;
  matters.markChanged(index, nowMs);
  return true;
}

/**
 * Deletes the matter at `index`. It leaves no tombstone, so it disappears from lists and its show
 * request returns 404, as in Clio. Its data stays so that it can be restored.
 */
export function deleteMatter(account: Account, index: number): void {
  account.matters.setDeleted(index, true);
}

/**
 * Restores a deleted matter with the data, updated_at and etag it had when it was deleted, so only
 * a client that compares ids notices it came back.
 * NOTE: Clio's API documents no restore, so this models a firm undoing a deletion. A test that
 * needs a new updated_at can touch the matter afterwards.
 */
export function restoreMatter(account: Account, matterId: number): number {
  const index = account.matters.indexOfId(matterId);
  if (index === -1) throw new SandboxError('matter_not_found', `Account ${account.id} has no matter with id ${matterId}.`);
  if (!account.matters.isDeleted(index)) throw new SandboxError('matter_not_deleted', `Matter ${matterId} of account ${account.id} is not deleted, so there is nothing to restore.`);
  account.matters.setDeleted(index, false);
  return index;
}

/**
 * Bumps updated_at and the etag of `count` live matters drawn from a sequence seeded by the
 * account seed and the number of earlier touch requests, and returns their ids in ascending order.
 */
export function touchMatters(account: Account, count: number, nowMs: number): { matterIds: number[]; updatedAt: string | null } {
  const { matters } = account;
  const live: number[] = [];
  for (let index = 0; index < matters.count; index += 1) {
    if (!matters.isDeleted(index)) live.push(index);
  }
  if (count > live.length) {
    throw new SandboxError('invalid_request', `count ${count} is more than the ${live.length} live matters of account ${account.id}.`);
  }

  // A partial Fisher-Yates shuffle picks `count` distinct matters.
  const round = touchRounds.get(account) ?? 0;
  touchRounds.set(account, round + 1);
  const random = createRandom(mixSeed(account.seed, 8, round));
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(random() * (live.length - i));
    [live[i], live[j]] = [live[j], live[i]];
  }
  const touched = live.slice(0, count).sort((a, b) => a - b);
  let changedAt = Number.NaN;
  for (const index of touched) changedAt = matters.markChanged(index, nowMs);
  return { matterIds: touched.map((index) => matters.idAt(index)), updatedAt: formatTimestamp(changedAt) };
}

/** Sets or clears a custom field value of the matter at `index`, bumping its updated_at and etag, and returns the value's id. */
export function setMatterCustomFieldValue(
  account: Account,
  index: number,
  customFieldId: number,
  input: CustomFieldInput,
  nowMs: number,
): { id: string | null; value: string | null } {
  const field = findCustomField(account, customFieldId, 'Matter');
  const value = normalizeCustomFieldValue(account, field, input);
  const { matters } = account;
  const parent = { index, id: matters.idAt(index), createdAt: matters.createdAt[index], generated: index < matters.generatedCount };

  account.matterCustomFieldValues.set(parent, field, value, Math.floor(nowMs / 1000) * 1000);
  matters.markChanged(index, nowMs);

  const entry = account.matterCustomFieldValues.valuesOf(parent).find((candidate) => candidate.field.id === field.id);
  return { id: entry?.instanceId == null ? null : `${field.fieldType}-${entry.instanceId}`, value };
}
