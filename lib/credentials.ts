import { Credential } from './models';
import { seal, unseal, type EncryptionKey } from './crypto';
import { requestTokenRefresh, type ClioAppCredentials, type TokenResponse } from './clio/oauth';
import { ClioReauthorizationRequiredError } from './clio/errors';
import type { ClioRegion } from './integration-status';
import type { TokenSource } from './clio/api';

/** Refresh this long before the access token's stated expiry, so no request races it. */
const REFRESH_AHEAD_MS = 5 * 60_000;

export interface CredentialStoreOptions {
  keyring: EncryptionKey[];
  app: ClioAppCredentials;
  baseUrlFor: (region: ClioRegion) => string;
  now?: () => Date;
}

/** The decrypted tokens of one firm, never to leave the process that read them. */
interface OpenCredential {
  region: ClioRegion;
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  version: number;
}

/**
 * Encrypted OAuth tokens per firm. Refreshes are compare-and-swap on `version`: a caller that
 * loses the race re-reads the winner's token instead of refreshing again.
 */
export class CredentialStore {
  /** Refreshes under way in this process, one per firm, so concurrent callers share one. */
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly now: () => Date;

  constructor(private readonly options: CredentialStoreOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Stores the tokens of a new or renewed connection, and returns the new credential version. */
  async save(firmId: string, region: ClioRegion, tokens: TokenResponse & { refreshToken: string }): Promise<number> {
    const doc = await Credential.findOneAndUpdate(
      { firmId, provider: 'clio' },
      {
        $set: {
          region,
          accessToken: seal(tokens.accessToken, this.options.keyring),
          refreshToken: seal(tokens.refreshToken, this.options.keyring),
          accessTokenExpiresAt: new Date(this.now().getTime() + tokens.expiresInSeconds * 1000),
        },
        $inc: { version: 1 },
      },
      { upsert: true, new: true },
    );
    return doc.version;
  }

  /** Returns the region a firm connected in, or null when it has no credentials. */
  async region(firmId: string): Promise<ClioRegion | null> {
    const doc = await Credential.findOne({ firmId, provider: 'clio' }, { region: 1 }).lean();
    return (doc?.region as ClioRegion | undefined) ?? null;
  }

  /** Returns a valid access token, refreshing it first when it expires within five minutes. */
  async accessToken(firmId: string): Promise<string> {
    const credential = await this.open(firmId);
    if (credential.accessTokenExpiresAt.getTime() - REFRESH_AHEAD_MS > this.now().getTime()) {
      return credential.accessToken;
    }
    return this.refresh(firmId, credential);
  }

  /** Refreshes after Clio rejected `rejectedToken`, unless another caller already replaced it. */
  async refreshAfterRejection(firmId: string, rejectedToken: string): Promise<string> {
    const credential = await this.open(firmId);
    if (credential.accessToken !== rejectedToken) {
      return credential.accessToken;
    }
    return this.refresh(firmId, credential);
  }

  /** Returns a TokenSource bound to one firm, for the Clio API client. */
  tokenSource(firmId: string): TokenSource {
    return {
      current: () => this.accessToken(firmId),
      refreshAfterRejection: (token) => this.refreshAfterRejection(firmId, token),
    };
  }

  /** Returns the decrypted access token for revocation at disconnect, or null when none is stored. */
  async accessTokenForRevocation(firmId: string): Promise<{ region: ClioRegion; accessToken: string } | null> {
    const doc = await Credential.findOne({ firmId, provider: 'clio' });
    if (!doc) {
      return null;
    }
    return { region: doc.region as ClioRegion, accessToken: unseal(doc.accessToken, this.options.keyring) };
  }

  /**
   * Re-encrypts every stored token that is not sealed with the keyring's first key, so an old
   * key can leave CREDENTIAL_KEYS afterwards. A credential refreshed meanwhile is read again.
   */
  async reencryptAll(): Promise<{ total: number; reencrypted: number }> {
    const newestKeyId = this.options.keyring[0].id;
    let reencrypted = 0;
    let total = 0;
    for await (const doc of Credential.find({}).cursor()) {
      total += 1;
      let current = doc;
      for (let attempt = 0; attempt < 3; attempt++) {
        if (current.accessToken.keyId === newestKeyId && current.refreshToken.keyId === newestKeyId) {
          break;
        }
        const swapped = await Credential.updateOne(
          { _id: current._id, version: current.version },
          {
            $set: {
              accessToken: seal(unseal(current.accessToken, this.options.keyring), this.options.keyring),
              refreshToken: seal(unseal(current.refreshToken, this.options.keyring), this.options.keyring),
            },
          },
        );
        if (swapped.modifiedCount === 1) {
          reencrypted += 1;
          break;
        }
        const fresh = await Credential.findById(current._id);
        if (!fresh) {
          break;
        }
        current = fresh;
      }
    }
    return { total, reencrypted };
  }

  /** Deletes a firm's tokens. */
  async remove(firmId: string): Promise<void> {
    await Credential.deleteOne({ firmId, provider: 'clio' });
  }

  private async open(firmId: string): Promise<OpenCredential> {
    const doc = await Credential.findOne({ firmId, provider: 'clio' });
    if (!doc) {
      throw new ClioReauthorizationRequiredError(`No Clio credentials are stored for firm ${firmId}: the firm must connect Clio`);
    }
    return {
      region: doc.region as ClioRegion,
      accessToken: unseal(doc.accessToken, this.options.keyring),
      refreshToken: unseal(doc.refreshToken, this.options.keyring),
      accessTokenExpiresAt: doc.accessTokenExpiresAt,
      version: doc.version,
    };
  }

  private refresh(firmId: string, seen: OpenCredential): Promise<string> {
    const running = this.inFlight.get(firmId);
    if (running) {
      return running;
    }
    const refresh = this.refreshOnce(firmId, seen).finally(() => this.inFlight.delete(firmId));
    this.inFlight.set(firmId, refresh);
    return refresh;
  }

  private async refreshOnce(firmId: string, seen: OpenCredential): Promise<string> {
    const tokens = await requestTokenRefresh(this.options.baseUrlFor(seen.region), this.options.app, seen.refreshToken);
    const swapped = await Credential.updateOne(
      { firmId, provider: 'clio', version: seen.version },
      {
        $set: {
          accessToken: seal(tokens.accessToken, this.options.keyring),
          accessTokenExpiresAt: new Date(this.now().getTime() + tokens.expiresInSeconds * 1000),
          ...(tokens.refreshToken ? { refreshToken: seal(tokens.refreshToken, this.options.keyring) } : {}),
        },
        $inc: { version: 1 },
      },
    );
    if (swapped.modifiedCount === 1) {
      return tokens.accessToken;
    }
    // Another worker refreshed first; its token is the one Clio now honours.
    return (await this.open(firmId)).accessToken;
  }
}
