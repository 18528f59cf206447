import type { Account } from '../data/account';

/** An account as the admin API lists it. */
export interface AccountSummary {
  accountId: number;
  /** The user who signs in on the consent page, whom who_am_i returns. */
  userId: number;
  region: string;
  name: string;
  seed: number;
  /** Live matters: generated and added ones, less deleted ones. */
  matters: number;
  firstMatterId: number;
  contacts: number;
  firstContactId: number;
  practiceAreaIds: number[];
  matterStageIds: number[];
  customFields: { id: number; name: string; parentType: string; fieldType: string; deleted: boolean }[];
}

/** Summarizes an account for admin responses. */
export function summarizeAccount(account: Account): AccountSummary {
  return {
    accountId: account.id,
    userId: account.users[0]?.id ?? 0,
    region: account.region,
    name: account.name,
    seed: account.seed,
    matters: countLiveMatters(account),
    firstMatterId: account.matters.firstId,
    contacts: account.contacts.count,
    firstContactId: account.contacts.firstId,
    practiceAreaIds: account.practiceAreas.map((area) => area.id),
    matterStageIds: account.matterStages.map((stage) => stage.id),
    customFields: account.customFields.map((field) => ({
      id: field.id,
      name: field.name,
      parentType: field.parentType,
      fieldType: field.fieldType,
      deleted: field.deleted,
    })),
  };
}

function countLiveMatters(account: Account): number {
  let live = 0;
  for (let index = 0; index < account.matters.count; index += 1) {
    if (!account.matters.isDeleted(index)) live += 1;
  }
  return live;
}
