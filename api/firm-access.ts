import { findFirm, type AuthenticatedUser, type FirmRecord } from '../lib/auth';
import type { Requester } from '../workflows/messages';

/**
 * Returns the firm when the caller may see it: staff see every firm, a firm admin only their own.
 * Returns null both for a missing firm and for another firm, so a response never reveals
 * whether a firm the caller cannot access exists.
 */
export async function findAccessibleFirm(caller: AuthenticatedUser, firmId: string): Promise<FirmRecord | null> {
  if (caller.role !== 'staff' && caller.firmId !== firmId) {
    return null;
  }
  return findFirm(firmId);
}

/** Returns the requester recorded in workflow history: role and user id, never a name or email. */
export function requesterOf(caller: AuthenticatedUser): Requester {
  return { requestedBy: `${caller.role}:${caller.id}` };
}

/** Returns the path of the page a user lands on after signing in. */
export function homePathOf(user: AuthenticatedUser): string {
  if (user.role === 'firm_admin' && user.firmId) {
    return settingsPath(user.firmId);
  }
  return '/staff';
}

/** Returns the path of a firm's Company Settings → Integrations page. */
export function settingsPath(firmId: string): string {
  return `/firms/${encodeURIComponent(firmId)}/settings/integrations`;
}
