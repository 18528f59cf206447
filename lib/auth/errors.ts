/** Raised when an argument is invalid; `field` names the argument so a caller can point at it. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';

  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Raised when a firm or user with the same id or email already exists. */
export class AlreadyExistsError extends Error {
  override name = 'AlreadyExistsError';

  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** True for MongoDB's duplicate key error (E11000). */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
