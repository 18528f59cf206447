import { createHash } from 'node:crypto';
import type { AdminAlertKind, ClientNotificationKind } from '../models/notification';

/** The change a client update announces. */
export interface ChangeIdentity {
  firmId: string;
  clioMatterId: number;
  kind: ClientNotificationKind;
  phase: string | null;
  /** Identifies this change among the project's changes, such as the Clio etag of the matter version. */
  changeId: string;
}

/** changeId of every new-project update, so a project announces its start once, whatever the sync run. */
export const NEW_PROJECT_CHANGE_ID = 'created';

/**
 * Builds the outbox key of a client update. The same change recorded again, by a retried
 * activity or a re-run sync, builds the same key, so the unique index keeps one notification.
 */
export function notificationKey(change: ChangeIdentity): string {
  const changeId = change.kind === 'new_project' ? NEW_PROJECT_CHANGE_ID : change.changeId;
  return `${change.firmId}:clio:${change.clioMatterId}:${change.kind}:${change.phase ?? ''}:${changeId}`;
}

/** Builds the outbox key of an admin alert: one alert per firm, alert kind and dedupe key. */
export function adminAlertKey(firmId: string, alertKind: AdminAlertKind, dedupeKey: string): string {
  return `${firmId}:admin_alert:${alertKind}:${dedupeKey}`;
}

/**
 * Builds the key of one delivery: a SHA-256 hex digest of the notification key, channel and
 * recipient. It is ASCII and fixed-length, so it fits a Message-ID or an HTTP header whatever
 * the phase name, and it reveals neither the firm nor the address.
 */
export function deliveryKey(idempotencyKey: string, channel: string, recipientId: string): string {
  return createHash('sha256').update(`${idempotencyKey}\n${channel}\n${recipientId}`).digest('hex');
}
