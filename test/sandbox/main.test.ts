import { spawn } from 'node:child_process';
import path from 'node:path';
import { readEnvironment } from '../../sandbox/main';

const ROOT = path.resolve(__dirname, '../..');
const TSX_CLI = require.resolve('tsx/cli');

describe('sandbox environment', () => {
  test('defaults apply when variables are unset', () => {
    const result = readEnvironment({});

    expect(result).toEqual({
      ok: true,
      value: {
        SANDBOX_PORT: 4100,
        SANDBOX_MATTERS: 300,
        SANDBOX_SEED: 1,
        SANDBOX_CLIENT_ID: 'casebridge-dev',
        SANDBOX_CLIENT_SECRET: 'casebridge-dev-secret',
      },
    });
  });

  test('bad value names the variable', () => {
    const port = readEnvironment({ SANDBOX_PORT: 'eighty' });
    const matters = readEnvironment({ SANDBOX_MATTERS: '-1' });

    expect(port).toEqual({ ok: false, message: expect.stringContaining('SANDBOX_PORT="eighty"') });
    expect(matters).toEqual({ ok: false, message: expect.stringContaining('SANDBOX_MATTERS="-1"') });
  });
});

describe('sandbox process', () => {
  function run(env: Record<string, string>) {
    return spawn(process.execPath, [TSX_CLI, 'sandbox/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  test('prints its URL and stops on SIGTERM', async () => {
    const child = run({ SANDBOX_PORT: '0', SANDBOX_MATTERS: '5' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('\n')) resolve(output.split('\n')[0] ?? '');
        });
        child.once('exit', (code) => reject(new Error(`Sandbox exited with ${code} before printing its URL.`)));
      });
      const url = /^Clio sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(firstLine)?.[1];
      const accounts = (await fetch(`${url}/_admin/accounts`).then((response) => response.json())) as { accounts: Array<{ matters: number }> };

      expect(url).toBeDefined();
      expect(accounts.accounts[0]?.matters).toBe(5);
    } finally {
      child.kill('SIGTERM');
    }

    expect(await exited).toBe(0);
  });

  test('invalid variable exits 1 with its name', async () => {
    const child = run({ SANDBOX_SEED: 'abc' });
    let errorOutput = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errorOutput += chunk.toString();
    });

    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect(code).toBe(1);
    expect(errorOutput).toContain('SANDBOX_SEED');
  });
});
