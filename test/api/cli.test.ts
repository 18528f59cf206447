import { execFile } from 'node:child_process';
import path from 'node:path';
import { startMongo } from '../../scripts/stack/mongo';
import { ROOT, freePort, type RunningServer } from '../../scripts/stack/processes';

let mongo: RunningServer;

beforeAll(async () => {
  mongo = await startMongo({ port: await freePort(), logFile: path.join(ROOT, '.stack', 'logs', 'test-api-cli-mongo.log') });
});

afterAll(async () => {
  await mongo?.stop();
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with only the database and public URL in its environment. */
function cli(...args: string[]): Promise<CliResult> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, MONGODB_URI: mongo.url, PUBLIC_URL: 'https://casebridge.example' };
  return new Promise((resolve) => {
    execFile(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'cli.ts'), ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
      let code = 0;
      if (error) {
        code = typeof error.code === 'number' ? error.code : 1;
      }
      resolve({ code, stdout, stderr });
    });
  });
}

test('creates a firm, an admin, a token and a sign-in link', async () => {
  const firm = await cli('create-firm', '--id', 'acme', '--name', 'Acme Law', '--time-zone', 'America/Chicago');
  const user = await cli('create-user', '--email', 'Admin@Acme.test', '--name', 'Alex Acme', '--role', 'firm_admin', '--firm', 'acme');
  const token = await cli('create-token', '--email', 'admin@acme.test', '--label', 'automation');
  const link = await cli('sign-in-link', '--email', 'admin@acme.test');

  expect(firm).toMatchObject({ code: 0, stdout: 'Created firm acme (Acme Law, America/Chicago).\n' });
  expect(user).toMatchObject({ code: 0, stdout: 'Created firm_admin admin@acme.test of firm acme.\n' });
  expect(token.code).toBe(0);
  expect(token.stdout).toMatch(/^cb_[A-Za-z0-9_-]{43}\n$/);
  expect(link.code).toBe(0);
  expect(link.stdout).toMatch(/^https:\/\/casebridge\.example\/sign-in\/[A-Za-z0-9_-]{43}\n$/);
});

test('a duplicate firm id exits 1', async () => {
  await cli('create-firm', '--id', 'dup', '--name', 'First');

  const result = await cli('create-firm', '--id', 'dup', '--name', 'Second');

  expect(result.code).toBe(1);
  expect(result.stderr).toContain('already exists');
});

const badArguments: Array<[args: string[], named: string]> = [
  [['create-firm', '--id', 'Acme_Law', '--name', 'Acme'], '--id'],
  [['create-firm', '--id', 'acme2', '--name', 'Acme', '--time-zone', 'Mars/Olympus'], '--time-zone'],
  [['create-firm', '--name', 'Acme'], '--id'],
  [['create-firm', '--id', 'acme3', '--name', 'Acme', '--colour', 'red'], '--colour'],
  [['create-user', '--email', 'not-an-email', '--name', 'X', '--role', 'staff'], '--email'],
  [['create-user', '--email', 'x@y.test', '--name', 'X', '--role', 'owner'], '--role'],
  [['create-user', '--email', 'x@y.test', '--name', 'X', '--role', 'firm_admin'], '--firm'],
  [['create-user', '--email', 'x@y.test', '--name', 'X', '--role', 'firm_admin', '--firm', 'nowhere'], '--firm'],
  [['create-token', '--email', 'nobody@y.test'], '--email'],
  [['sign-in-link'], '--email'],
  [['launch-rockets'], 'launch-rockets'],
];

test.each(badArguments)('%j exits 2 naming %s', async (args, named) => {
  const result = await cli(...args);

  expect(result.code).toBe(2);
  expect(result.stderr).toContain(named);
  expect(result.stderr).toContain('Usage: npx tsx scripts/cli.ts');
});
