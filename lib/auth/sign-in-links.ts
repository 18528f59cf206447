import { SignInLink } from '../models';
import { generateSecret, hashToken } from './secrets';
import { findUserById, requireUserByEmail, type AuthenticatedUser } from './users';

/** How long a sign-in link stays valid: 15 minutes. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;

/** A newly created sign-in link. `token` exists only in this value; the database keeps its hash. */
export interface CreatedSignInLink {
  token: string;
  url: string;
  expiresAt: Date;
  user: AuthenticatedUser;
}

/**
 * Creates a single-use sign-in link for the user with `email`, valid for 15 minutes.
 * Throws InvalidInputError naming `email` when there is no such user.
 */
export async function createSignInLink(input: { email: string; publicUrl: string; now?: Date }): Promise<CreatedSignInLink> {
  const user = await requireUserByEmail(input.email);
  const token = generateSecret();
  const expiresAt = new Date((input.now ?? new Date()).getTime() + SIGN_IN_LINK_TTL_MS);

  await SignInLink.create({ tokenHash: hashToken(token), userId: user.id, expiresAt });
  const url = `${input.publicUrl.replace(/\/+$/, '')}/sign-in/${token}`;
  return { token, url, expiresAt, user };
}

/**
 * Marks a sign-in link used and returns its user, or returns null when the link is unknown,
 * expired or already used. The check and the mark are one atomic update, so a link opens
 * at most one session even when two requests race.
 */
export async function consumeSignInLink(token: string, now: Date): Promise<AuthenticatedUser | null> {
  const link = await SignInLink.findOneAndUpdate(
    { tokenHash: hashToken(token), usedAt: null, expiresAt: { $gt: now } },
    { $set: { usedAt: now } },
  ).lean();
  if (!link) {
    return null;
  }
  return findUserById(String(link.userId));
}
