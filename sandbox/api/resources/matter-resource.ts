import type { Account, UserRecord } from '../../data/account';
import { formatDate, formatTimestamp } from '../../data/format';
import { NONE } from '../../data/matter-table';
import { nestedField, type ResourceType } from '../resource-type';
import { contactResource } from './contact-resource';
import { matterStageResource } from './matter-stage-resource';
import { practiceAreaResource } from './practice-area-resource';
import { userResource } from './user-resource';

/** A matter, named by its account and its position in the account's matter table. */
export interface MatterRef {
  account: Account;
  index: number;
}

function userAt(account: Account, userIndex: number): UserRecord | null {
  return userIndex === NONE ? null : (account.users[userIndex] ?? null);
}

function clientName({ account, index }: MatterRef): string {
  const client = account.contacts.at(account.matters.client[index]);
  return client.lastName ?? client.name;
}

function describe({ account, index }: MatterRef): string {
  const area = account.practiceAreas[account.matters.practiceArea[index]];
  const descriptions = area?.descriptions ?? ['General matter'];
  const template = descriptions[account.matters.descriptionTemplate[index] % descriptions.length];
  return `${template} for ${account.contacts.at(account.matters.client[index]).name}`;
}

/**
 * The Matter fields the sandbox serves.
 * TODO: relationships{…} and custom_field_values[] are not simulated yet, so asking for them
 * gets 400 until the contacts and custom fields endpoints exist in the sandbox.
 */
export const matterResource: ResourceType<MatterRef> = {
  name: 'Matter',
  fields: {
    id: ({ account, index }) => account.matters.idAt(index),
    etag: ({ account, index }) => account.matters.etagAt(index),
    number: ({ index }) => index + 1,
    // The matter number padded to five digits, then the client's last name or company name.
    display_number: (matter) => `${String(matter.index + 1).padStart(5, '0')}-${clientName(matter)}`,
    description: describe,
    status: ({ account, index }) => account.matters.statusAt(index),
    client_id: ({ account, index }) => account.contacts.firstId + account.matters.client[index],
    billable: () => true,
    open_date: ({ account, index }) => formatDate(account.matters.openDate[index]),
    pending_date: ({ account, index }) => formatDate(account.matters.pendingDate[index]),
    close_date: ({ account, index }) => formatDate(account.matters.closeDate[index]),
    created_at: ({ account, index }) => formatTimestamp(account.matters.createdAt[index]),
    updated_at: ({ account, index }) => formatTimestamp(account.matters.updatedAt[index]),
    matter_stage_updated_at: ({ account, index }) => formatTimestamp(account.matters.matterStageUpdatedAt[index]),
  },
  nested: {
    client: nestedField(contactResource, ({ account, index }) => account.contacts.at(account.matters.client[index])),
    practice_area: nestedField(practiceAreaResource, ({ account, index }) => account.practiceAreas[account.matters.practiceArea[index]] ?? null),
    matter_stage: nestedField(matterStageResource, ({ account, index }) => account.matterStages[account.matters.matterStage[index]] ?? null),
    responsible_attorney: nestedField(userResource, ({ account, index }) => userAt(account, account.matters.responsibleAttorney[index])),
    originating_attorney: nestedField(userResource, ({ account, index }) => userAt(account, account.matters.originatingAttorney[index])),
    // Newer than the OpenAPI snapshot, which allows properties it does not list.
    responsible_staff: nestedField(userResource, ({ account, index }) => userAt(account, account.matters.responsibleStaff[index])),
  },
};
