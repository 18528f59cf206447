export { authenticateApiToken, createApiToken, findUserByApiToken, type ApiTokenOwner, type CreatedApiToken } from './api-tokens';
export { AlreadyExistsError, InvalidInputError } from './errors';
export { createFirm, findFirm, listFirms, isIanaTimeZone, validateFirmInput, DEFAULT_TIME_ZONE, FIRM_ID_PATTERN, type FirmRecord, type NewFirm } from './firms';
export { API_TOKEN_PREFIX, generateSecret, hashToken } from './secrets';
export { consumeSignInLink, createSignInLink, SIGN_IN_LINK_TTL_MS, type CreatedSignInLink } from './sign-in-links';
export { hashPassword, needsRehash, verifyPassword, CURRENT_SCRYPT_PARAMETERS, type ScryptParameters } from './password-hash';
export { validatePassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-rules';
export { setUserPassword, verifyUserPassword } from './passwords';
export { createUser, findUserByEmail, findUserById, requireUserByEmail, validateUserInput, type AuthenticatedUser, type NewUser } from './users';
