import { randomBytes } from 'node:crypto';
import { parseKeyring, seal, unseal } from '../../lib/crypto';

const key = () => randomBytes(32).toString('base64');

test('seal and unseal round trip', () => {
  const keyring = parseKeyring(`k1:${key()}`);
  const sealed = seal('access-token-value', keyring);
  expect(sealed.ciphertext).not.toContain('access-token-value');
  expect(sealed.keyId).toBe('k1');
  expect(unseal(sealed, keyring)).toBe('access-token-value');
});

test('rotated keyring still decrypts old values', () => {
  const oldKey = key();
  const sealed = seal('refresh-token-value', parseKeyring(`k1:${oldKey}`));
  const rotated = parseKeyring(`k2:${key()},k1:${oldKey}`);
  expect(unseal(sealed, rotated)).toBe('refresh-token-value');
  expect(seal('new', rotated).keyId).toBe('k2');
});

test('tampered ciphertext fails authentication', () => {
  const keyring = parseKeyring(`k1:${key()}`);
  const sealed = seal('value', keyring);
  const bytes = Buffer.from(sealed.ciphertext, 'base64');
  bytes[0] ^= 1;
  expect(() => unseal({ ...sealed, ciphertext: bytes.toString('base64') }, keyring)).toThrow();
});

test('unknown key id is named', () => {
  const sealed = seal('value', parseKeyring(`old:${key()}`));
  expect(() => unseal(sealed, parseKeyring(`k1:${key()}`))).toThrow('"old"');
});

test('short key is rejected with its length', () => {
  expect(() => parseKeyring(`k1:${randomBytes(16).toString('base64')}`)).toThrow('16 bytes');
});

test('repeated-byte key is rejected as weak', () => {
  expect(() => parseKeyring(`k1:${Buffer.alloc(32, 7).toString('base64')}`)).toThrow('not random');
});

test('duplicate key id is rejected', () => {
  expect(() => parseKeyring(`k1:${key()},k1:${key()}`)).toThrow('"k1" twice');
});
