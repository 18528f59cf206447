import type { Session, SessionData } from 'express-session';
import { generateSecret } from '../../lib/auth';
import type { ClioRegion } from '../../lib/integration-status';
import type { PendingAuthorization } from '../request-context';

/** How long an admin has to finish Clio's consent page: 10 minutes. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;

/** Pending authorizations kept per session; starting more drops the oldest. */
const MAX_PENDING_AUTHORIZATIONS = 5;

type StateSession = Session & Partial<SessionData>;

/** Creates a random single-use `state` (32 bytes, base64url) bound to this session, firm and region. */
export function createOAuthState(session: StateSession, firmId: string, region: ClioRegion, now: Date): string {
  const state = generateSecret(32);
  const live = (session.oauthStates ?? []).filter((pending) => pending.expiresAt > now.getTime());
  live.push({ state, firmId, region, expiresAt: now.getTime() + OAUTH_STATE_TTL_MS });
  session.oauthStates = live.slice(-MAX_PENDING_AUTHORIZATIONS);
  return state;
}

/**
 * Removes `state` from the session and returns what it was bound to, or null when it is missing,
 * belongs to no authorization this session started, was already used or has expired. The caller
 * must save the session before acting, so a replayed callback finds the state gone.
 */
export function consumeOAuthState(session: StateSession, state: string | undefined, now: Date): PendingAuthorization | null {
  const pending = session.oauthStates ?? [];
  const match = state ? pending.find((candidate) => candidate.state === state) : undefined;
  if (!match) {
    return null;
  }
  session.oauthStates = pending.filter((candidate) => candidate !== match && candidate.expiresAt > now.getTime());
  return match.expiresAt > now.getTime() ? match : null;
}
