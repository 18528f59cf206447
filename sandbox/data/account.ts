import type { Region } from '../regions';
import type { ContactDirectory } from './contact-directory';
import type { CustomFieldRecord } from './custom-field-records';
import type { CustomFieldValueStore } from './custom-field-values';
import type { MatterRelationships } from './matter-relationships';
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

/** One email address of a contact. */
export interface EmailAddressRecord {
  id: number;
  address: string;
  /** Clio Manage offers Work, Home and Other. */
  name: 'Work' | 'Home' | 'Other';
  primary: boolean;
  createdAt: number;
  updatedAt: number;
}

/** One phone number of a contact. */
export interface PhoneNumberRecord {
  id: number;
  number: string;
  /** The values that Clio's PhoneNumber schema allows. */
  name: 'Work' | 'Personal' | 'Other';
  primary: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A person or company in the account's contact list, with any edits made through the admin API applied. */
export interface ContactRecord {
  id: number;
  type: 'Person' | 'Company';
  name: string;
  /** Null for companies, as Clio sends it. */
  firstName: string | null;
  lastName: string | null;
  /** Whether the contact is the client of at least one matter of the account, deleted matters included. */
  isClient: boolean;
  /** The address of the primary entry of `emailAddresses`. */
  primaryEmailAddress: string | null;
  /** The number of the primary entry of `phoneNumbers`. */
  primaryPhoneNumber: string | null;
  emailAddresses: EmailAddressRecord[];
  phoneNumbers: PhoneNumberRecord[];
  createdAt: number;
  updatedAt: number;
  /** Number of edits made after generation, which feeds the etag. */
  version: number;
}

/** A related contact of a matter, such as a spouse or the opposing counsel. */
export interface RelationshipRecord {
  id: number;
  description: string;
  /** Position of the related contact in the account's contact directory. */
  contactIndex: number;
  createdAt: number;
  updatedAt: number;
}

/** One firm's Clio account: its users, practice areas, stages, custom fields, contacts and matters. */
export interface Account {
  id: number;
  name: string;
  region: Region;
  seed: number;
  /** Unix milliseconds at which the account was generated. Every generated time lies before it. */
  generatedAt: number;
  /** The first user is the lawyer who connects the account to CaseBridge. */
  users: UserRecord[];
  practiceAreas: PracticeAreaRecord[];
  matterStages: MatterStageRecord[];
  /** Custom field definitions of matters and contacts, in id order. */
  customFields: CustomFieldRecord[];
  contacts: ContactDirectory;
  matters: MatterTable;
  /** Related contacts of each matter. */
  relationships: MatterRelationships;
  /** Custom field values of matters, by position in the matter table. */
  matterCustomFieldValues: CustomFieldValueStore;
  /** Custom field values of contacts, by position in the contact directory. */
  contactCustomFieldValues: CustomFieldValueStore;
}

/** First ids that an account's records are numbered from. Ids of different accounts never overlap. */
export interface AccountIdBlock {
  accountId: number;
  firstUserId: number;
  firstPracticeAreaId: number;
  firstMatterStageId: number;
  firstCustomFieldId: number;
  firstPicklistOptionId: number;
  firstContactId: number;
  firstMatterId: number;
}
