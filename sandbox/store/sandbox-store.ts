import type { Account } from '../data/account';
import { formatTimestamp } from '../data/format';
import { contactCountFor, generateAccount } from '../data/generate-account';
import { CUSTOM_FIELD_BLOCK, PICKLIST_OPTION_BLOCK } from '../data/generate-custom-fields';
import { NONE } from '../data/matter-table';
import type { Region } from '../regions';
import { FaultInjector } from './fault-injector';
import { GrantRegistry } from './grant-registry';
import { RateLimiter, type RateLimitSettings } from './rate-limiter';
import { RequestLog } from './request-log';
import { SandboxError } from './sandbox-error';

/** Largest account the admin API creates. Its matter table takes 12.8 MB (64 bytes a matter). */
export const MAX_MATTERS_PER_ACCOUNT = 200_000;

/** Matters the admin API can add to an account after generation. Their ids are reserved when the account is created. */
export const MAX_ADDED_MATTERS = 10_000;

/** Settings of a {@link SandboxStore}. */
export interface SandboxStoreOptions {
  now: () => Date;
  accessTokenTtlSeconds: number;
  rateLimit: RateLimitSettings | null;
}

/** Inputs of {@link SandboxStore.createAccount}. */
export interface NewAccount {
  region: Region;
  matters: number;
  seed: number;
  name?: string;
}

/** A matter's stage and change markers after an admin stage move, formatted as the API sends them. */
export interface MovedMatter {
  matterId: number;
  matterStageId: number | null;
  etag: string;
  updatedAt: string | null;
  matterStageUpdatedAt: string | null;
}

/**
 * Ids start at different bases per record type, so an id of one type never names a record of
 * another, and every account takes its own block.
 */
const FIRST_IDS = {
  account: 1001,
  user: 5_000_001,
  practiceArea: 70_001,
  matterStage: 80_001,
  customField: 90_001,
  picklistOption: 300_001,
  contact: 20_000_001,
  matter: 1_500_000_001,
};
const USER_BLOCK = 10;
const PRACTICE_AREA_BLOCK = 10;
const MATTER_STAGE_BLOCK = 50;

/** Everything the sandbox holds: accounts, grants and tokens, rate-limit windows, injected faults and request counts. */
export class SandboxStore {
  readonly grants: GrantRegistry;
  readonly requests = new RequestLog();
  readonly rateLimiter: RateLimiter;
  readonly faults = new FaultInjector();
  private readonly accounts = new Map<number, Account>();
  private readonly nextIds = { ...FIRST_IDS };

  constructor(private readonly options: SandboxStoreOptions) {
    this.grants = new GrantRegistry(options.accessTokenTtlSeconds);
    this.rateLimiter = new RateLimiter(options.rateLimit);
  }

  /** Returns the sandbox clock's current time in Unix milliseconds. */
  nowMs(): number {
    return this.options.now().getTime();
  }

  /** Generates an account with its data and returns it. */
  createAccount(request: NewAccount): Account {
    const ids = {
      accountId: this.nextIds.account,
      firstUserId: this.nextIds.user,
      firstPracticeAreaId: this.nextIds.practiceArea,
      firstMatterStageId: this.nextIds.matterStage,
      firstCustomFieldId: this.nextIds.customField,
      firstPicklistOptionId: this.nextIds.picklistOption,
      firstContactId: this.nextIds.contact,
      firstMatterId: this.nextIds.matter,
    };
    this.nextIds.account += 1;
    this.nextIds.user += USER_BLOCK;
    this.nextIds.practiceArea += PRACTICE_AREA_BLOCK;
    this.nextIds.matterStage += MATTER_STAGE_BLOCK;
    this.nextIds.customField += CUSTOM_FIELD_BLOCK;
    this.nextIds.picklistOption += PICKLIST_OPTION_BLOCK;
    this.nextIds.contact += contactCountFor(request.matters);
    this.nextIds.matter += request.matters + MAX_ADDED_MATTERS;

    const account = generateAccount({
      ids,
      region: request.region,
      seed: request.seed,
      matterCount: request.matters,
      maxMatterCount: request.matters + MAX_ADDED_MATTERS,
      name: request.name,
      now: this.nowMs(),
    });
    this.accounts.set(account.id, account);
    return account;
  }

  /** Returns the account with `accountId`, if any. */
  findAccount(accountId: number): Account | undefined {
    return this.accounts.get(accountId);
  }

  /** Returns the account with `accountId` or throws `account_not_found`. */
  getAccount(accountId: number): Account {
    const account = this.accounts.get(accountId);
    if (!account) throw new SandboxError('account_not_found', `No account has id ${accountId}; list them with GET /_admin/accounts.`);
    return account;
  }

  /** Lists accounts in creation order, of one region or of all. */
  listAccounts(region?: Region): Account[] {
    const all = [...this.accounts.values()];
    return region ? all.filter((account) => account.region === region) : all;
  }

  /**
   * Moves a matter to another stage of its practice area, or out of any stage with null. The
   * matter's updated_at, matter_stage_updated_at and etag change.
   */
  moveMatterStage(accountId: number, matterId: number, matterStageId: number | null): MovedMatter {
    const account = this.getAccount(accountId);
    const index = findLiveMatter(account, matterId);

    let stageIndex = NONE;
    if (matterStageId !== null) {
      stageIndex = account.matterStages.findIndex((stage) => stage.id === matterStageId);
      const stage = account.matterStages[stageIndex];
      if (!stage) throw new SandboxError('matter_stage_not_found', `Account ${accountId} has no matter stage with id ${matterStageId}.`);
      const practiceArea = account.practiceAreas[account.matters.practiceArea[index]];
      if (practiceArea?.id !== stage.practiceAreaId) {
        const areaText = practiceArea ? `practice area ${practiceArea.id}` : 'no practice area';
        throw new SandboxError(
          'matter_stage_outside_practice_area',
          `Matter stage ${matterStageId} belongs to practice area ${stage.practiceAreaId}, but matter ${matterId} has ${areaText}.`,
        );
      }
    }

    const matters = account.matters;
    matters.moveStage(index, stageIndex, this.nowMs());
    return {
      matterId,
      matterStageId,
      etag: matters.etagAt(index),
      updatedAt: formatTimestamp(matters.updatedAt[index]),
      matterStageUpdatedAt: formatTimestamp(matters.matterStageUpdatedAt[index]),
    };
  }

  /** Returns the account with `accountId` and the position of its live matter `matterId`, or throws a not-found error. */
  getLiveMatter(accountId: number, matterId: number): { account: Account; index: number } {
    const account = this.getAccount(accountId);
    return { account, index: findLiveMatter(account, matterId) };
  }

  /** Revokes every grant of an account and returns how many grants were live. */
  revokeAccountGrants(accountId: number): number {
    this.getAccount(accountId);
    return this.grants.revokeAccount(accountId, this.nowMs());
  }

  /** Makes every access token of an account expire now and returns how many were still valid. */
  expireAccessTokens(accountId: number): number {
    this.getAccount(accountId);
    return this.grants.expireAccessTokens(accountId, this.nowMs());
  }
}

/** Returns the position of a live matter of the account, or throws `matter_not_found` naming a deleted one as such. */
export function findLiveMatter(account: Account, matterId: number): number {
  const index = account.matters.indexOfId(matterId);
  if (index === -1) throw new SandboxError('matter_not_found', `Account ${account.id} has no matter with id ${matterId}.`);
  if (account.matters.isDeleted(index)) {
    throw new SandboxError('matter_not_found', `Matter ${matterId} of account ${account.id} is deleted; restore it with POST /_admin/accounts/${account.id}/matters/${matterId}/restore.`);
  }
  return index;
}
