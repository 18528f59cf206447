import { createSandbox } from '../../sandbox/server';

describe('createSandbox options', () => {
  test('invalid option rejects with its name', async () => {
    await expect(createSandbox({ defaultAccount: { matters: -3, seed: 1 } })).rejects.toThrow('defaultAccount.matters');
    await expect(createSandbox({ rateLimit: { limit: 0, windowSeconds: 60 } })).rejects.toThrow('rateLimit.limit');
    await expect(createSandbox({ accessTokenTtlSeconds: 0 })).rejects.toThrow('accessTokenTtlSeconds');
  });

  test('null default account starts empty', async () => {
    const sandbox = await createSandbox({ defaultAccount: null });
    try {
      expect(sandbox.defaultAccountId).toBeNull();
      expect(sandbox.store.listAccounts()).toEqual([]);
      expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
    } finally {
      await sandbox.close();
    }
  });
});
