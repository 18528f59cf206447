import type { Account } from '../data/account';

/** An account as the admin API lists it. */
export interface AccountSummary {
  accountId: number;
  /** The user who signs in on the consent page, whom who_am_i returns. */
  userId: number;
  region: string;
  name: string;
  seed: number;
  matters: number;
  firstMatterId: number;
  practiceAreaIds: number[];
  matterStageIds: number[];
}

/** Summarizes an account for admin responses. */
export function summarizeAccount(account: Account): AccountSummary {
  return {
    accountId: account.id,
    userId: account.users[0]?.id ?? 0,
    region: account.region,
    name: account.name,
    seed: account.seed,
    matters: account.matters.count,
    firstMatterId: account.matters.firstId,
    practiceAreaIds: account.practiceAreas.map((area) => area.id),
    matterStageIds: account.matterStages.map((stage) => stage.id),
  };
}
