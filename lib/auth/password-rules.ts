import { InvalidInputError } from './errors';

/** Minimum password length, in characters. */
export const MIN_PASSWORD_LENGTH = 12;

/** Maximum password length, in characters: far above what password managers generate. */
export const MAX_PASSWORD_LENGTH = 1024;

/** Throws InvalidInputError naming `password` when it is too short or too long; reads no database. */
export function validatePassword(password: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new InvalidInputError('password', `The password has ${length} characters; use at least ${MIN_PASSWORD_LENGTH}.`);
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new InvalidInputError('password', `The password has ${length} characters; use at most ${MAX_PASSWORD_LENGTH}.`);
  }
}
