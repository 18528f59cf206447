import type { Region } from '../regions';
import type { ContactDirectory } from './contact-directory';
import type { MatterTable } from './matter-table';

/** A Clio user of a sandbox account. Times are Unix milliseconds at whole seconds. */
export interface UserRecord {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  enabled: boolean;
  subscriptionType: 'Attorney' | 'NonAttorney';
  timeZone: string;
  accountOwner: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A practice area such as Family or Immigration. */
export interface PracticeAreaRecord {
  id: number;
  name: string;
  code: string;
  category: string;
  /** Descriptions that generated matters of this practice area draw from. */
  descriptions: readonly string[];
  createdAt: number;
  updatedAt: number;
}

/** A matter stage, whose `order` counts from 1 within its practice area. */
export interface MatterStageRecord {
  id: number;
  practiceAreaId: number;
  name: string;
  order: number;
  createdAt: number;
  updatedAt: number;
}

/** A contact that is a client of at least one matter. */
export interface ContactRecord {
  id: number;
  type: 'Person' | 'Company';
  name: string;
  /** Null for companies, as Clio sends it. */
  firstName: string | null;
  lastName: string | null;
  primaryEmailAddress: string;
  primaryPhoneNumber: string;
  createdAt: number;
  updatedAt: number;
}

/** One firm's Clio account: its users, practice areas, stages, contacts and matters. */
export interface Account {
  id: number;
  name: string;
  region: Region;
  seed: number;
  /** The first user is the lawyer who connects the account to CaseBridge. */
  users: UserRecord[];
  practiceAreas: PracticeAreaRecord[];
  matterStages: MatterStageRecord[];
  contacts: ContactDirectory;
  matters: MatterTable;
}

/** First ids that an account's records are numbered from. Ids of different accounts never overlap. */
export interface AccountIdBlock {
  accountId: number;
  firstUserId: number;
  firstPracticeAreaId: number;
  firstMatterStageId: number;
  firstContactId: number;
  firstMatterId: number;
}
