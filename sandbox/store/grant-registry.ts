import { randomBytes } from 'node:crypto';
import type { Region } from '../regions';

/** Authorization codes expire 10 minutes after they are issued, as Clio's codes do. */
export const AUTHORIZATION_CODE_TTL_MS = 10 * 60 * 1000;

/** The account, user and client that an authorization request was approved for. */
export interface GrantSubject {
  region: Region;
  accountId: number;
  userId: number;
  clientId: string;
}

/** One approved connection between an account and the OAuth client. Revoking it ends all its tokens. */
export interface Grant extends GrantSubject {
  id: number;
  refreshToken: string;
  createdAt: number;
  revokedAt: number | null;
}

interface AuthorizationCode extends GrantSubject {
  redirectUri: string;
  expiresAt: number;
  redeemed: boolean;
}

interface AccessTokenRecord {
  token: string;
  grantId: number;
  expiresAt: number;
}

/** Tokens returned by the token endpoint. */
export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

/** Result of a token operation. A failure carries an OAuth error code and a description. */
export type GrantResult<T> = { ok: true; value: T } | { ok: false; error: 'invalid_grant'; description: string };

/** The reason an access token was rejected. */
export type AccessTokenFailure = 'unknown' | 'expired' | 'revoked' | 'wrong_region';

/** A token as listed for tests, with its state at the time of the listing. */
export interface TokenListing {
  token: string;
  kind: 'access' | 'refresh';
  grantId: number;
  accountId: number;
  region: Region;
  status: 'active' | 'expired' | 'revoked';
  /** ISO-8601 expiry time, or null for a refresh token because refresh tokens do not expire. */
  expiresAt: string | null;
}

/** Creates an opaque token of 256 random bits. */
function createOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Authorization codes, grants, access tokens and refresh tokens of every account. */
export class GrantRegistry {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly grants = new Map<number, Grant>();
  private readonly grantsByRefreshToken = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, AccessTokenRecord>();
  private readonly accessTokensByGrant = new Map<number, AccessTokenRecord[]>();
  private nextGrantId = 1;

  /** @param accessTokenTtlSeconds - lifetime of every access token, sent as `expires_in`. */
  constructor(private readonly accessTokenTtlSeconds: number) {}

  /** Issues a single-use authorization code bound to the subject and the redirect URI. */
  issueCode(subject: GrantSubject, redirectUri: string, nowMs: number): string {
    const code = createOpaqueToken();
    this.codes.set(code, { ...subject, redirectUri, expiresAt: nowMs + AUTHORIZATION_CODE_TTL_MS, redeemed: false });
    return code;
  }

  /** Exchanges an authorization code for a new grant's tokens. */
  redeemCode(code: string, region: Region, clientId: string, redirectUri: string, nowMs: number): GrantResult<IssuedTokens> {
    const record = this.codes.get(code);
    if (!record || record.region !== region) return invalidGrant('The authorization code is unknown in this region.');
    if (record.redeemed) return invalidGrant('The authorization code was already used; start a new authorization.');
    if (record.expiresAt <= nowMs) return invalidGrant('The authorization code expired; start a new authorization.');
    if (record.clientId !== clientId) return invalidGrant(`The authorization code was not issued to client ${clientId}.`);
    if (record.redirectUri !== redirectUri) {
      return invalidGrant(`redirect_uri ${redirectUri} does not match the one used in the authorization request.`);
    }

    record.redeemed = true;
    const grant: Grant = {
      region: record.region,
      accountId: record.accountId,
      userId: record.userId,
      clientId: record.clientId,
      id: this.nextGrantId++,
      refreshToken: createOpaqueToken(),
      createdAt: nowMs,
      revokedAt: null,
    };
    this.grants.set(grant.id, grant);
    this.grantsByRefreshToken.set(grant.refreshToken, grant);
    return { ok: true, value: this.issueAccessToken(grant, nowMs) };
  }

  /** Issues a new access token for a refresh token. The refresh token stays the same because Clio does not rotate it. */
  refresh(refreshToken: string, region: Region, clientId: string, nowMs: number): GrantResult<IssuedTokens> {
    const grant = this.grantsByRefreshToken.get(refreshToken);
    if (!grant || grant.region !== region) return invalidGrant('The refresh token is unknown in this region.');
    if (grant.revokedAt !== null) return invalidGrant('The refresh token was revoked; the user must authorize again.');
    if (grant.clientId !== clientId) return invalidGrant(`The refresh token was not issued to client ${clientId}.`);
    return { ok: true, value: this.issueAccessToken(grant, nowMs) };
  }

  /** Returns the live grant of an access token, or why the token is rejected. */
  authenticate(accessToken: string, region: Region, nowMs: number): { ok: true; grant: Grant } | { ok: false; reason: AccessTokenFailure } {
    const record = this.accessTokens.get(accessToken);
    const grant = record ? this.grants.get(record.grantId) : undefined;
    if (!record || !grant) return { ok: false, reason: 'unknown' };
    if (grant.region !== region) return { ok: false, reason: 'wrong_region' };
    if (grant.revokedAt !== null) return { ok: false, reason: 'revoked' };
    if (record.expiresAt <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, grant };
  }

  /** Returns the grant that an access or refresh token belongs to, if any. */
  findGrantByToken(token: string): Grant | undefined {
    const record = this.accessTokens.get(token);
    return record ? this.grants.get(record.grantId) : this.grantsByRefreshToken.get(token);
  }

  /** Revokes one grant, which ends its refresh token and all its access tokens. */
  revokeGrant(grantId: number, nowMs: number): void {
    const grant = this.grants.get(grantId);
    if (grant && grant.revokedAt === null) grant.revokedAt = nowMs;
  }

  /** Revokes every live grant of an account and returns how many there were. */
  revokeAccount(accountId: number, nowMs: number): number {
    let revoked = 0;
    for (const grant of this.grants.values()) {
      if (grant.accountId === accountId && grant.revokedAt === null) {
        grant.revokedAt = nowMs;
        revoked += 1;
      }
    }
    return revoked;
  }

  /** Makes every unexpired access token of an account expire now and returns how many changed. */
  expireAccessTokens(accountId: number, nowMs: number): number {
    let expired = 0;
    for (const record of this.accessTokens.values()) {
      const grant = this.grants.get(record.grantId);
      if (grant?.accountId === accountId && record.expiresAt > nowMs) {
        record.expiresAt = nowMs;
        expired += 1;
      }
    }
    return expired;
  }

  /** Lists every token ever issued, of one account or of all, with its current status. */
  listTokens(nowMs: number, accountId?: number): TokenListing[] {
    const listings: TokenListing[] = [];
    for (const grant of this.grants.values()) {
      if (accountId !== undefined && grant.accountId !== accountId) continue;
      const base = { grantId: grant.id, accountId: grant.accountId, region: grant.region };
      const revoked = grant.revokedAt !== null;
      listings.push({ ...base, token: grant.refreshToken, kind: 'refresh', status: revoked ? 'revoked' : 'active', expiresAt: null });
      for (const record of this.accessTokensByGrant.get(grant.id) ?? []) {
        let status: TokenListing['status'] = 'active';
        if (record.expiresAt <= nowMs) status = 'expired';
        if (revoked) status = 'revoked';
        listings.push({ ...base, token: record.token, kind: 'access', status, expiresAt: new Date(record.expiresAt).toISOString() });
      }
    }
    return listings;
  }

  private issueAccessToken(grant: Grant, nowMs: number): IssuedTokens {
    const token = createOpaqueToken();
    const record = { token, grantId: grant.id, expiresAt: nowMs + this.accessTokenTtlSeconds * 1000 };
    this.accessTokens.set(token, record);
    this.accessTokensByGrant.set(grant.id, [...(this.accessTokensByGrant.get(grant.id) ?? []), record]);
    return { accessToken: token, refreshToken: grant.refreshToken, expiresInSeconds: this.accessTokenTtlSeconds };
  }
}

function invalidGrant(description: string): { ok: false; error: 'invalid_grant'; description: string } {
  return { ok: false, error: 'invalid_grant', description };
}
