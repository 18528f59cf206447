import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { upsertSearchAttributes } from '@temporalio/workflow';
import type { IntegrationState } from './messages';

/**
 * Search attributes the Temporal Web UI filters on. They are stored in plain text, so they carry
 * ids and states only, never a token or a client's personal data.
 */
export const FIRM_ID = defineSearchAttributeKey('FirmId', SearchAttributeType.KEYWORD);
export const PROVIDER = defineSearchAttributeKey('Provider', SearchAttributeType.KEYWORD);
export const INTEGRATION_STATUS = defineSearchAttributeKey('IntegrationStatus', SearchAttributeType.KEYWORD);
export const LAST_SYNC_TIME = defineSearchAttributeKey('LastSyncTime', SearchAttributeType.DATETIME);

/** Upserts the search attributes that describe `state`. */
export function publishSearchAttributes(state: IntegrationState): void {
  upsertSearchAttributes([
    { key: FIRM_ID, value: state.firmId },
    { key: PROVIDER, value: 'clio' },
    { key: INTEGRATION_STATUS, value: state.status },
    ...(state.lastSyncAt ? [{ key: LAST_SYNC_TIME, value: new Date(state.lastSyncAt) }] : []),
  ]);
}
