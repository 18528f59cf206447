import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One AES-256-GCM key and the id stored beside every ciphertext it produced. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** A sealed value: what the credentials collection stores instead of a token. */
export interface Sealed {
  keyId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

/** Raised when a key list is malformed or a ciphertext names a key that is not configured. */
export class KeyringError extends Error {
  override name = 'KeyringError';
}

/**
 * Minimum number of distinct byte values in a key. Of 32 random bytes, fewer than 16 distinct values
 * happens with negligible probability, while typed or repeated keys fall below it.
 */
const MIN_DISTINCT_KEY_BYTES = 16;

/** Parses `id:base64key,id:base64key`; the first key encrypts, all of them decrypt. */
export function parseKeyring(value: string): EncryptionKey[] {
  const keys = value.split(',').map((pair) => {
    const [id, encoded] = pair.trim().split(':');
    if (!id || !encoded) {
      throw new KeyringError(`CREDENTIAL_KEYS entry "${id ?? ''}:…" is invalid: write each key as id:base64key`);
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) {
      throw new KeyringError(`CREDENTIAL_KEYS key "${id}" decodes to ${key.length} bytes; AES-256 needs 32 random bytes (openssl rand -base64 32)`);
    }
    if (new Set(key).size < MIN_DISTINCT_KEY_BYTES) {
      throw new KeyringError(`CREDENTIAL_KEYS key "${id}" has only ${new Set(key).size} distinct byte values, so it is not random; generate one with openssl rand -base64 32`);
    }
    return { id, key };
  });
  const ids = keys.map((entry) => entry.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) {
    throw new KeyringError(`CREDENTIAL_KEYS names key "${repeated}" twice; give each key its own id`);
  }
  return keys;
}

/** Encrypts `plaintext` with the keyring's first key under a fresh 96-bit IV. */
export function seal(plaintext: string, keyring: EncryptionKey[]): Sealed {
  const { id, key } = keyring[0];
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: id, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

/** Decrypts a sealed value with the key it names; throws when the key is unknown or the data was altered. */
export function unseal(sealed: Sealed, keyring: EncryptionKey[]): string {
  const entry = keyring.find((candidate) => candidate.id === sealed.keyId);
  if (!entry) {
    throw new KeyringError(`No key "${sealed.keyId}" in CREDENTIAL_KEYS: add it back to decrypt stored credentials`);
  }
  const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
}
