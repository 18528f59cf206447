import { ApiToken } from '../models';
import { API_TOKEN_PREFIX, generateSecret, hashToken } from './secrets';
import { findUserById, requireUserByEmail, type AuthenticatedUser } from './users';

/** A newly created API token. `token` exists only in this value; the database keeps its hash. */
export interface CreatedApiToken {
  id: string;
  token: string;
  user: AuthenticatedUser;
}

/** Creates an API token for the user with `email`; throws InvalidInputError naming `email` when there is none. */
export async function createApiToken(input: { email: string; label?: string }): Promise<CreatedApiToken> {
  const user = await requireUserByEmail(input.email);
  const token = `${API_TOKEN_PREFIX}${generateSecret()}`;

  const doc = await ApiToken.create({ tokenHash: hashToken(token), userId: user.id, label: input.label ?? '' });
  return { id: String(doc._id), token, user };
}

/** An API token's id and the user it acts for. */
export interface ApiTokenOwner {
  tokenId: string;
  user: AuthenticatedUser;
}

/** Returns an API token's id and owner and records its use, or null when the token is unknown or its user is gone. */
export async function authenticateApiToken(token: string, now: Date): Promise<ApiTokenOwner | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) {
    return null;
  }
  const doc = await ApiToken.findOneAndUpdate({ tokenHash: hashToken(token) }, { $set: { lastUsedAt: now } }).lean();
  if (!doc) {
    return null;
  }
  const user = await findUserById(String(doc.userId));
  return user ? { tokenId: String(doc._id), user } : null;
}

/** Returns the owner of an API token and records its use, or null when the token is unknown or its user is gone. */
export async function findUserByApiToken(token: string, now: Date): Promise<AuthenticatedUser | null> {
  const owner = await authenticateApiToken(token, now);
  return owner?.user ?? null;
}
