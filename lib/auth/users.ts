import { isValidObjectId } from 'mongoose';
import { z } from 'zod';
import { Firm, User } from '../models';
import { USER_ROLES, type UserRole } from '../models/user';
import { AlreadyExistsError, InvalidInputError, isDuplicateKeyError } from './errors';
import { hashPassword } from './password-hash';
import { validatePassword } from './password-rules';

/** A signed-in user, as request handlers see it. Staff have no firm; a firm admin has exactly one. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  firmId: string | null;
}

const emailSchema = z.string().trim().toLowerCase().email();

/** Converts a user document to the fields request handlers see; the password hash is never among them. */
export function toAuthenticatedUser(doc: { _id: unknown; email: string; name: string; role: string; firmId?: string | null }): AuthenticatedUser {
  return { id: String(doc._id), email: doc.email, name: doc.name, role: doc.role as UserRole, firmId: doc.firmId ?? null };
}

/** A user to create: a firm admin needs `firmId`, a staff member must have none. */
export interface NewUser {
  email: string;
  name: string;
  role: string;
  firmId?: string | null;
  /** Password for the sign-in form; without one the user signs in with sign-in links only. */
  password?: string;
}

/** Throws InvalidInputError naming `email`, `name`, `role`, `firm` or `password` when one is invalid; reads no database. */
export function validateUserInput(input: NewUser): void {
  if (!emailSchema.safeParse(input.email).success) {
    throw new InvalidInputError('email', `Email "${input.email}" is not a valid email address.`);
  }
  if (input.name.trim() === '') {
    throw new InvalidInputError('name', 'User name is empty: give the person\'s full name.');
  }
  if (!(USER_ROLES as readonly string[]).includes(input.role)) {
    throw new InvalidInputError('role', `Role "${input.role}" is unknown: use firm_admin or staff.`);
  }
  const firmId = input.firmId ?? null;
  if (input.role === 'firm_admin' && firmId === null) {
    throw new InvalidInputError('firm', 'A firm admin needs the id of the firm they manage.');
  }
  if (input.role === 'staff' && firmId !== null) {
    throw new InvalidInputError('firm', 'Staff see every firm, so a staff user takes no firm id.');
  }
  if (input.password !== undefined) {
    validatePassword(input.password);
  }
}

/**
 * Creates a firm admin of an existing firm, or a staff member. Throws InvalidInputError as
 * validateUserInput does or naming `firm` when the firm does not exist, and AlreadyExistsError
 * for a taken email.
 */
export async function createUser(input: NewUser): Promise<AuthenticatedUser> {
  validateUserInput(input);
  const email = emailSchema.parse(input.email);
  const firmId = input.firmId ?? null;
  if (firmId !== null && !(await Firm.exists({ _id: firmId }))) {
    throw new InvalidInputError('firm', `No firm with id "${firmId}" exists: create it first.`);
  }

  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);

  try {
    const doc = await User.create({ email, name: input.name.trim(), role: input.role, firmId, passwordHash, passwordChangedAt: passwordHash ? new Date() : null });
    return toAuthenticatedUser(doc);
  } catch (error) {
    if (isDuplicateKeyError(error)) {
      throw new AlreadyExistsError('email', `A user with email ${email} already exists.`);
    }
    throw error;
  }
}

/** Returns the user with `id`, or null when there is none (or `id` is not an ObjectId). */
export async function findUserById(id: string): Promise<AuthenticatedUser | null> {
  if (!isValidObjectId(id)) {
    return null;
  }
  const doc = await User.findById(id).lean();
  return doc ? toAuthenticatedUser(doc) : null;
}

/** Returns the user with `email` (compared case-insensitively), or null when there is none. */
export async function findUserByEmail(email: string): Promise<AuthenticatedUser | null> {
  const doc = await User.findOne({ email: email.trim().toLowerCase() }).lean();
  return doc ? toAuthenticatedUser(doc) : null;
}

/** Returns the user with `email`, or throws InvalidInputError naming `email` when there is none. */
export async function requireUserByEmail(email: string): Promise<AuthenticatedUser> {
  const user = await findUserByEmail(email);
  if (!user) {
    throw new InvalidInputError('email', `No user with email ${email} exists: create it first with create-user.`);
  }
  return user;
}
