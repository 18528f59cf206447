import type { Account, UserRecord } from '../../data/account';
import type { CustomFieldValueRecord } from '../../data/custom-field-values';
import { formatDate, formatTimestamp } from '../../data/format';
import { matterDescription, matterDisplayNumber } from '../../data/matter-labels';
import { NONE } from '../../data/matter-table';
import { nestedField, nestedListField, type ResourceType } from '../resource-type';
import { contactRefAt, contactResource } from './contact-resource';
import { customFieldValueResource } from './custom-field-value-resource';
import { matterStageResource } from './matter-stage-resource';
import { practiceAreaResource } from './practice-area-resource';
import { relationshipResource, type RelationshipRef } from './relationship-resource';
import { userResource } from './user-resource';

/** A matter, named by its account and its position in the account's matter table. */
export interface MatterRef {
  account: Account;
  index: number;
}

function userAt(account: Account, userIndex: number): UserRecord | null {
  return userIndex === NONE ? null : (account.users[userIndex] ?? null);
}

function relationshipsOf({ account, index }: MatterRef): RelationshipRef[] {
  return account.relationships.at(index).map((relationship) => ({ account, relationship }));
}

function customFieldValuesOf({ account, index }: MatterRef): CustomFieldValueRecord[] {
  const { matters } = account;
  return account.matterCustomFieldValues.valuesOf({
    index,
    id: matters.idAt(index),
    createdAt: matters.createdAt[index],
    generated: index < matters.generatedCount,
  });
}

/** The Matter fields the sandbox serves. */
export const matterResource: ResourceType<MatterRef> = {
  name: 'Matter',
  fields: {
    id: ({ account, index }) => account.matters.idAt(index),
    etag: ({ account, index }) => account.matters.etagAt(index),
    number: ({ index }) => index + 1,
    display_number: ({ account, index }) => matterDisplayNumber(account, index),
    description: ({ account, index }) => matterDescription(account, index),
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
    client: nestedField(contactResource, ({ account, index }) => contactRefAt(account, account.matters.client[index])),
    practice_area: nestedField(practiceAreaResource, ({ account, index }) => account.practiceAreas[account.matters.practiceArea[index]] ?? null),
    matter_stage: nestedField(matterStageResource, ({ account, index }) => account.matterStages[account.matters.matterStage[index]] ?? null),
    responsible_attorney: nestedField(userResource, ({ account, index }) => userAt(account, account.matters.responsibleAttorney[index])),
    originating_attorney: nestedField(userResource, ({ account, index }) => userAt(account, account.matters.originatingAttorney[index])),
    // Newer than the OpenAPI snapshot, which allows properties it does not list.
    responsible_staff: nestedField(userResource, ({ account, index }) => userAt(account, account.matters.responsibleStaff[index])),
    relationships: nestedListField(relationshipResource, relationshipsOf),
    custom_field_values: nestedListField(customFieldValueResource, customFieldValuesOf),
  },
};
