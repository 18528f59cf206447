import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters, stored with every hash so they can be raised without invalidating old hashes. */
export interface ScryptParameters {
  /** log2 of the CPU and memory cost N. */
  log2N: number;
  /** Block size r. */
  r: number;
  /** Parallelism p. */
  p: number;
}

/**
 * Parameters for new hashes: N = 2^15, r = 8, p = 1, which needs 32 MiB per hash (128 · N · r bytes).
 * Raise them here; a stored hash with lower parameters is replaced at the user's next sign-in.
 */
export const CURRENT_SCRYPT_PARAMETERS: ScryptParameters = { log2N: 15, r: 8, p: 1 };

/** Length of the per-user random salt, in bytes. */
const SALT_BYTES = 16;

/** Length of the derived key, in bytes. */
const KEY_BYTES = 32;

/**
 * Bounds accepted when reading a stored hash, so a corrupted or hostile database value cannot make
 * one sign-in allocate gigabytes or run for minutes.
 */
const LIMITS = { log2N: [14, 20], r: [1, 32], p: [1, 16] } as const;

/** A stored hash in the PHC string format: `$scrypt$ln=15,r=8,p=1$<salt>$<key>`, both base64 without padding. */
const PHC_PATTERN = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,88})\$([A-Za-z0-9+/]{16,88})$/;

interface ParsedHash {
  parameters: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

function deriveKey(password: string, salt: Buffer, keyLength: number, parameters: ScryptParameters): Promise<Buffer> {
  const N = 2 ** parameters.log2N;
  const options: ScryptOptions = {
    N,
    r: parameters.r,
    p: parameters.p,
    // Node's default limit is exactly 32 MiB, which N = 2^15, r = 8 reaches, so allow twice the need.
    maxmem: 2 * 128 * N * parameters.r * parameters.p,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function withinLimits(parameters: ScryptParameters): boolean {
  return (Object.keys(LIMITS) as Array<keyof ScryptParameters>).every((name) => {
    const [min, max] = LIMITS[name];
    return parameters[name] >= min && parameters[name] <= max;
  });
}

function parseHash(stored: string): ParsedHash | null {
  const match = PHC_PATTERN.exec(stored);
  if (!match) {
    return null;
  }
  const parameters = { log2N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (!withinLimits(parameters)) {
    return null;
  }
  return { parameters, salt: Buffer.from(match[4], 'base64'), key: Buffer.from(match[5], 'base64') };
}

function encode(buffer: Buffer): string {
  return buffer.toString('base64').replace(/=+$/, '');
}

/** Hashes a password with scrypt under a new random salt, returning the PHC string to store. */
export async function hashPassword(password: string, parameters: ScryptParameters = CURRENT_SCRYPT_PARAMETERS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, KEY_BYTES, parameters);
  return `$scrypt$ln=${parameters.log2N},r=${parameters.r},p=${parameters.p}$${encode(salt)}$${encode(key)}`;
}

/**
 * Checks a password against a stored hash with the parameters stored in it, comparing in constant
 * time. Returns false for a wrong password and for a stored value that is not a valid scrypt hash.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) {
    return false;
  }
  const key = await deriveKey(password, parsed.salt, parsed.key.length, parsed.parameters);
  return timingSafeEqual(key, parsed.key);
}

/** True when a stored hash uses weaker parameters than CURRENT_SCRYPT_PARAMETERS, or cannot be read. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) {
    return true;
  }
  const current = CURRENT_SCRYPT_PARAMETERS;
  const { log2N, r, p } = parsed.parameters;
  return log2N < current.log2N || r < current.r || p < current.p || parsed.key.length < KEY_BYTES;
}
