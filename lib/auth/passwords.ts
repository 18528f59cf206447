import { Session, User } from '../models';
import { hashPassword, needsRehash, verifyPassword } from './password-hash';
import { validatePassword } from './password-rules';
import { generateSecret } from './secrets';
import { requireUserByEmail, toAuthenticatedUser, type AuthenticatedUser } from './users';

/**
 * Sets the password of the user with `email` and ends that user's open browser sessions, so a
 * changed password also signs out anyone who used the old one. Throws InvalidInputError naming
 * `password` or `email`. Returns the number of sessions ended.
 */
export async function setUserPassword(email: string, password: string): Promise<{ user: AuthenticatedUser; endedSessions: number }> {
  validatePassword(password);
  const user = await requireUserByEmail(email);

  const passwordHash = await hashPassword(password);
  await User.updateOne({ _id: user.id }, { $set: { passwordHash, passwordChangedAt: new Date() } });
  const endedSessions = await endUserSessions(user.id);
  return { user, endedSessions };
}

/**
 * Deletes every stored browser session of a user. Sessions are stored as JSON text, so this
 * matches the serialized `"userId":"<id>"` member; ids are hex ObjectIds and need no escaping.
 */
async function endUserSessions(userId: string): Promise<number> {
  const result = await Session.deleteMany({ data: { $regex: `"userId":"${userId}"` } });
  return result.deletedCount;
}

/**
 * A hash of a random password, computed once and checked in place of a missing one, so an
 * unknown email costs as much time as a wrong password.
 */
let standInHashPromise: Promise<string> | null = null;

function standInHash(): Promise<string> {
  standInHashPromise ??= hashPassword(generateSecret());
  return standInHashPromise;
}

/**
 * Returns the user whose email and password match, or null for an unknown email, a user without a
 * password and a wrong password alike, after the same scrypt work. A hash made with weaker
 * parameters than the current ones is replaced on success.
 */
export async function verifyUserPassword(email: string, password: string): Promise<AuthenticatedUser | null> {
  const doc = await User.findOne({ email: email.trim().toLowerCase() }).lean();
  const stored = doc?.passwordHash ?? null;

  const matches = await verifyPassword(password, stored ?? (await standInHash()));

  if (!doc || stored === null || !matches) {
    return null;
  }
  if (needsRehash(stored)) {
    await User.updateOne({ _id: doc._id, passwordHash: stored }, { $set: { passwordHash: await hashPassword(password) } });
  }
  return toAuthenticatedUser(doc);
}
