import { randomBytes } from 'node:crypto';
import { CredentialStore } from '../../lib/credentials';
import { parseKeyring } from '../../lib/crypto';
import { Credential } from '../../lib/models';
import { startTestDatabase } from '../support/database';

let database: Awaited<ReturnType<typeof startTestDatabase>>;
const oldKey = `k1:${randomBytes(32).toString('base64')}`;
const newKey = `k2:${randomBytes(32).toString('base64')}`;
const app = { clientId: 'casebridge-dev', clientSecret: 'casebridge-dev-secret' };

beforeAll(async () => {
  database = await startTestDatabase('credential-rotation');
});

afterAll(async () => {
  await database?.stop();
});

test('rotation re-encrypts tokens under the newest key', async () => {
  const before = new CredentialStore({ keyring: parseKeyring(oldKey), app, baseUrlFor: () => 'http://127.0.0.1:9' });
  await before.save('rotating-firm', 'us', { accessToken: 'access-one', refreshToken: 'refresh-one', expiresInSeconds: 3600 });

  const rotated = new CredentialStore({ keyring: parseKeyring(`${newKey},${oldKey}`), app, baseUrlFor: () => 'http://127.0.0.1:9' });
  expect(await rotated.accessToken('rotating-firm')).toBe('access-one');
  const result = await rotated.reencryptAll();
  expect(result).toEqual({ total: 1, reencrypted: 1 });

  const stored = await Credential.findOne({ firmId: 'rotating-firm' }).lean();
  expect(stored?.accessToken.keyId).toBe('k2');
  expect(stored?.refreshToken.keyId).toBe('k2');
  const newOnly = new CredentialStore({ keyring: parseKeyring(newKey), app, baseUrlFor: () => 'http://127.0.0.1:9' });
  expect(await newOnly.accessToken('rotating-firm')).toBe('access-one');
  expect(JSON.stringify(stored)).not.toContain('access-one');
});

test('second rotation run changes nothing', async () => {
  const rotated = new CredentialStore({ keyring: parseKeyring(`${newKey},${oldKey}`), app, baseUrlFor: () => 'http://127.0.0.1:9' });
  expect(await rotated.reencryptAll()).toEqual({ total: 1, reencrypted: 0 });
});
