import { z } from 'zod';
import type { IntegrationStatus } from '../../lib/integration-status';

/** Notices the settings page shows after a redirect, by the value of its `?notice=` parameter. */
export const NOTICE_CODES = ['connected', 'connect_pending', 'access_denied', 'connect_failed', 'activated', 'deactivated'] as const;

export type NoticeCode = (typeof NOTICE_CODES)[number];

/** The `notice` query parameter; an unknown value is ignored, since it only changes a message. */
export const noticeSchema = z.enum(NOTICE_CODES).optional().catch(undefined);

/** Returns the sentence of a notice; some depend on whether a connection existed before. */
export function noticeText(notice: NoticeCode, status: IntegrationStatus): string {
  const connected = status !== 'not_connected';
  switch (notice) {
    case 'connected':
      return 'Clio is connected.';
    case 'connect_pending':
      return 'Clio access was granted, and CaseBridge is still finishing the connection. Reload this page in a minute.';
    case 'access_denied':
      return connected
        ? 'Clio access was not granted; the existing connection is unchanged.'
        : 'Clio access was not granted; the integration is not connected.';
    case 'connect_failed':
      return connected
        ? 'Connecting Clio failed, and the existing connection is unchanged. Try again; if it fails again, contact CaseBridge support.'
        : 'Connecting Clio failed; the integration is not connected. Try again; if it fails again, contact CaseBridge support.';
    case 'activated':
      return 'The integration is now Active: nightly syncs run and clients receive updates.';
    case 'deactivated':
      return 'The integration is now Connected, Inactive: nightly syncs and client updates have stopped.';
  }
}
