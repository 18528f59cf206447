import { spawn } from 'node:child_process';
import path from 'node:path';
import { verifyUserPassword } from '../../lib/auth';
import { Session, User } from '../../lib/models';
import { ROOT } from '../../scripts/stack/processes';
import { startTestDatabase } from '../support/database';

let database: Awaited<ReturnType<typeof startTestDatabase>>;

beforeAll(async () => {
  database = await startTestDatabase('api-cli-password');
});

afterAll(async () => {
  await database?.stop();
});

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `stdin` piped in and only the database and public URL in its environment. */
function cli(args: string[], stdin = ''): Promise<CliResult> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, MONGODB_URI: database.url, PUBLIC_URL: 'https://casebridge.example' };
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'cli.ts'), ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('create-staff', () => {
  test('creates the first staff user with a password from stdin', async () => {
    const result = await cli(['create-staff', '--email', 'Olive@CaseBridge.test', '--name', 'Olive Ops'], 'a long staff passphrase\n');

    expect(result).toMatchObject({ code: 0, stdout: 'Created staff olive@casebridge.test with a password; sign in at https://casebridge.example/sign-in.\n' });
    expect((await verifyUserPassword('olive@casebridge.test', 'a long staff passphrase'))?.role).toBe('staff');
  });

  test('a short password creates no user', async () => {
    const result = await cli(['create-staff', '--email', 'short@casebridge.test', '--name', 'Shaw Short'], 'short\n');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('use at least 12');
    expect(await User.countDocuments({ email: 'short@casebridge.test' })).toBe(0);
  });

  test('an empty stdin creates no user', async () => {
    const result = await cli(['create-staff', '--email', 'empty@casebridge.test', '--name', 'Em Empty']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No password was given on standard input');
    expect(await User.countDocuments({ email: 'empty@casebridge.test' })).toBe(0);
  });

  test('a duplicate email exits 1', async () => {
    const result = await cli(['create-staff', '--email', 'olive@casebridge.test', '--name', 'Olive Again'], 'another long passphrase\n');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('already exists');
  });
});

describe('set-password', () => {
  test('reads only the first line of stdin', async () => {
    const result = await cli(['set-password', '--email', 'olive@casebridge.test'], 'the second passphrase\nignored line\n');

    expect(result.code).toBe(0);
    expect(await verifyUserPassword('olive@casebridge.test', 'the second passphrase')).not.toBeNull();
    expect(await verifyUserPassword('olive@casebridge.test', 'a long staff passphrase')).toBeNull();
  });

  test('ends the user\'s browser sessions', async () => {
    const user = await User.findOne({ email: 'olive@casebridge.test' }).lean();
    await Session.create({ _id: 'olive-session', data: JSON.stringify({ cookie: {}, userId: String(user?._id) }), expiresAt: new Date(Date.now() + 60_000) });

    const result = await cli(['set-password', '--email', 'olive@casebridge.test'], 'the third passphrase\r\n');

    expect(result.stdout).toBe('Set the password of olive@casebridge.test; ended 1 open browser session.\n');
    expect(await Session.countDocuments({ _id: 'olive-session' })).toBe(0);
    expect(await verifyUserPassword('olive@casebridge.test', 'the third passphrase')).not.toBeNull();
  });

  test('rejects --password on the command line', async () => {
    const result = await cli(['set-password', '--email', 'olive@casebridge.test', '--password', 'visible in ps output']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--password is not accepted');
    expect(await verifyUserPassword('olive@casebridge.test', 'visible in ps output')).toBeNull();
  });

  test('rejects --password=value too', async () => {
    const result = await cli(['set-password', '--email', 'olive@casebridge.test', '--password=visible in ps output']);

    expect(result.code).toBe(2);
  });

  test('an unknown email exits 2 naming --email', async () => {
    const result = await cli(['set-password', '--email', 'nobody@casebridge.test'], 'a long enough passphrase\n');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--email');
  });

  test('lets a link-only user sign in with a password', async () => {
    await cli(['create-user', '--email', 'links@casebridge.test', '--name', 'Lin Links', '--role', 'staff']);
    const before = await verifyUserPassword('links@casebridge.test', 'a fresh passphrase');

    await cli(['set-password', '--email', 'links@casebridge.test'], 'a fresh passphrase\n');

    expect(before).toBeNull();
    expect(await verifyUserPassword('links@casebridge.test', 'a fresh passphrase')).not.toBeNull();
  });
});

test('help lists the password commands', async () => {
  const result = await cli(['--help']);

  expect(result.stdout).toContain('create-staff  --email <email> --name <name>');
  expect(result.stdout).toContain('set-password  --email <email>');
});
