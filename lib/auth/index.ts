export { createApiToken, findUserByApiToken, type CreatedApiToken } from './api-tokens';
export { AlreadyExistsError, InvalidInputError } from './errors';
export { createFirm, findFirm, listFirms, isIanaTimeZone, validateFirmInput, DEFAULT_TIME_ZONE, FIRM_ID_PATTERN, type FirmRecord, type NewFirm } from './firms';
export { API_TOKEN_PREFIX, generateSecret, hashToken } from './secrets';
export { consumeSignInLink, createSignInLink, SIGN_IN_LINK_TTL_MS, type CreatedSignInLink } from './sign-in-links';
export { createUser, findUserByEmail, findUserById, requireUserByEmail, validateUserInput, type AuthenticatedUser, type NewUser } from './users';
