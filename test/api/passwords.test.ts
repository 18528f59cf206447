import { CURRENT_SCRYPT_PARAMETERS, createUser, hashPassword, needsRehash, setUserPassword, validatePassword, verifyPassword, verifyUserPassword } from '../../lib/auth';
import { Session, User } from '../../lib/models';
import { startTestDatabase } from '../support/database';

const PASSWORD = 'correct horse battery staple';
let database: Awaited<ReturnType<typeof startTestDatabase>>;

beforeAll(async () => {
  database = await startTestDatabase('api-passwords');
  await createUser({ email: 'ada@casebridge.test', name: 'Ada Staff', role: 'staff', password: PASSWORD });
  await createUser({ email: 'linkonly@casebridge.test', name: 'Lin Links', role: 'staff' });
});

afterAll(async () => {
  await database?.stop();
});

describe('password hash', () => {
  test('stores scrypt parameters with the hash', async () => {
    const stored = await hashPassword(PASSWORD);

    expect(stored).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  });

  test('meets the minimum parameters', () => {
    expect(CURRENT_SCRYPT_PARAMETERS.log2N).toBeGreaterThanOrEqual(15);
    expect(CURRENT_SCRYPT_PARAMETERS.r).toBeGreaterThanOrEqual(8);
    expect(CURRENT_SCRYPT_PARAMETERS.p).toBeGreaterThanOrEqual(1);
  });

  test('salts each hash differently', async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);

    expect(first).not.toBe(second);
    expect(first.split('$')[3]).not.toBe(second.split('$')[3]);
  });

  test('verifies the right password', async () => {
    const stored = await hashPassword(PASSWORD);

    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
  });

  test('rejects a wrong password', async () => {
    const stored = await hashPassword(PASSWORD);

    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
  });

  test('treats composed and decomposed accents alike', async () => {
    const stored = await hashPassword('caf\u00e9 au lait, no sugar');

    expect(await verifyPassword('cafe\u0301 au lait, no sugar', stored)).toBe(true);
  });

  test('verifies with the stored parameters', async () => {
    const weaker = await hashPassword(PASSWORD, { log2N: 14, r: 8, p: 1 });

    expect(await verifyPassword(PASSWORD, weaker)).toBe(true);
    expect(needsRehash(weaker)).toBe(true);
  });

  test('current hashes need no rehash', async () => {
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
  });

  const unreadable = [
    '',
    'plain text',
    '$2b$12$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234',
    '$scrypt$ln=30,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
    '$scrypt$ln=15,r=99,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
  ];

  test.each(unreadable)('rejects stored value %j', async (stored) => {
    expect(await verifyPassword(PASSWORD, stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });
});

describe('password rules', () => {
  test('rejects fewer than 12 characters', () => {
    expect(() => validatePassword('short pass!')).toThrow('use at least 12');
  });

  test('counts characters, not UTF-16 units', () => {
    expect(() => validatePassword('🔑'.repeat(11))).toThrow('has 11 characters');
  });

  test('rejects more than 1024 characters', () => {
    expect(() => validatePassword('x'.repeat(1025))).toThrow('use at most 1024');
  });

  test('accepts 12 characters', () => {
    expect(() => validatePassword('twelve chars')).not.toThrow();
  });
});

describe('user passwords', () => {
  test('create-user stores a hash, never the password', async () => {
    const doc = await User.findOne({ email: 'ada@casebridge.test' }).lean();

    expect(doc?.passwordHash).toMatch(/^\$scrypt\$/);
    expect(JSON.stringify(doc)).not.toContain(PASSWORD);
  });

  test('signs in with email in any case', async () => {
    const user = await verifyUserPassword('  ADA@casebridge.test ', PASSWORD);

    expect(user?.email).toBe('ada@casebridge.test');
    expect(user).not.toHaveProperty('passwordHash');
  });

  test('wrong password returns null', async () => {
    expect(await verifyUserPassword('ada@casebridge.test', 'not the password at all')).toBeNull();
  });

  test('unknown email returns null', async () => {
    expect(await verifyUserPassword('nobody@casebridge.test', PASSWORD)).toBeNull();
  });

  test('user without password returns null', async () => {
    expect(await verifyUserPassword('linkonly@casebridge.test', '')).toBeNull();
  });

  test('a weaker hash is replaced at sign-in', async () => {
    await User.updateOne({ email: 'ada@casebridge.test' }, { $set: { passwordHash: await hashPassword(PASSWORD, { log2N: 14, r: 8, p: 1 }) } });

    await verifyUserPassword('ada@casebridge.test', PASSWORD);
    const doc = await User.findOne({ email: 'ada@casebridge.test' }).lean();

    expect(doc?.passwordHash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
    expect(await verifyUserPassword('ada@casebridge.test', PASSWORD)).not.toBeNull();
  });

  test('setting a password ends the user\'s sessions', async () => {
    const user = await User.findOne({ email: 'linkonly@casebridge.test' }).lean();
    const expiresAt = new Date(Date.now() + 60_000);
    await Session.create([
      { _id: 'mine', data: JSON.stringify({ cookie: {}, userId: String(user?._id) }), expiresAt },
      { _id: 'other', data: JSON.stringify({ cookie: {}, userId: '000000000000000000000000' }), expiresAt },
    ]);

    const result = await setUserPassword('linkonly@casebridge.test', 'a brand new passphrase');

    expect(result.endedSessions).toBe(1);
    expect(await Session.countDocuments({ _id: 'mine' })).toBe(0);
    expect(await Session.countDocuments({ _id: 'other' })).toBe(1);
    expect(await verifyUserPassword('linkonly@casebridge.test', 'a brand new passphrase')).not.toBeNull();
  });

  test('setting a short password changes nothing', async () => {
    await expect(setUserPassword('linkonly@casebridge.test', 'too short')).rejects.toThrow('use at least 12');

    expect(await verifyUserPassword('linkonly@casebridge.test', 'a brand new passphrase')).not.toBeNull();
  });

  test('setting a password of an unknown email fails', async () => {
    await expect(setUserPassword('ghost@casebridge.test', 'a brand new passphrase')).rejects.toThrow('No user with email');
  });
});
