import { parseArgs } from 'node:util';
import {
  AlreadyExistsError,
  InvalidInputError,
  createApiToken,
  createFirm,
  createSignInLink,
  createUser,
  setUserPassword,
  validateFirmInput,
  validateUserInput,
} from '../lib/auth';
import { configSchema } from '../lib/config';
import { CredentialStore } from '../lib/credentials';
import { KeyringError, parseKeyring } from '../lib/crypto';
import { connectDatabase, disconnectDatabase } from '../lib/db';
import { PasswordInputError, readNewPassword } from './read-password';

const USAGE = `Usage: npx tsx scripts/cli.ts <command> [options]

Commands:
  create-firm   --id <firm id> --name <name> [--time-zone <IANA zone>]
                Firm id: lowercase letters, digits and dashes. Time zone default: America/New_York.
  create-user   --email <email> --name <name> --role firm_admin|staff [--firm <firm id>]
                A firm admin needs --firm; staff take none.
  create-staff  --email <email> --name <name>
                Creates a staff user with the password read from standard input:
                typed twice at a terminal, or the first line of piped input.
  set-password  --email <email>
                Sets a user's password, read from standard input as for create-staff,
                and ends the user's open browser sessions. At least 12 characters.
  create-token  --email <email> [--label <text>]
                Prints a new API token once; CaseBridge stores only its hash.
  sign-in-link  --email <email>
                Prints a single-use sign-in link, valid for 15 minutes.
  reencrypt-credentials
                Re-encrypts every stored Clio token with the first key of CREDENTIAL_KEYS,
                so an older key can then be removed from the list.

Environment:
  MONGODB_URI   database (default mongodb://127.0.0.1:27017/casebridge)
  PUBLIC_URL    address browsers use, for sign-in links (default http://127.0.0.1:3000)
  CREDENTIAL_KEYS  token encryption keys, newest first (reencrypt-credentials only)`;

/** Exit status for bad arguments, as distinct from a failure while running. */
const EXIT_USAGE = 2;

/** A command-line argument problem: printed with the usage and exit status 2. */
class UsageError extends Error {}

/** CLI option of each field that lib/auth names in an InvalidInputError. */
const OPTION_OF_FIELD: Record<string, string> = {
  id: '--id', name: '--name', timeZone: '--time-zone', email: '--email', role: '--role', firm: '--firm', label: '--label',
  password: 'password on standard input',
};

const OPTIONS_OF_COMMAND = {
  'create-firm': { id: { type: 'string' }, name: { type: 'string' }, 'time-zone': { type: 'string' } },
  'create-user': { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, firm: { type: 'string' } },
  'create-staff': { email: { type: 'string' }, name: { type: 'string' } },
  'set-password': { email: { type: 'string' } },
  'create-token': { email: { type: 'string' }, label: { type: 'string' } },
  'sign-in-link': { email: { type: 'string' } },
  'reencrypt-credentials': {},
} as const;

type Command = keyof typeof OPTIONS_OF_COMMAND;

function isCommand(value: string | undefined): value is Command {
  return value !== undefined && Object.prototype.hasOwnProperty.call(OPTIONS_OF_COMMAND, value);
}

function parseOptions(command: Command, args: string[]): Record<string, string | undefined> {
  if (args.some((arg) => arg === '--password' || arg.startsWith('--password='))) {
    throw new UsageError(`${command}: --password is not accepted, because other users can read command lines in the process list; send the password on standard input.`);
  }
  try {
    const { values } = parseArgs({ args, options: OPTIONS_OF_COMMAND[command], strict: true, allowPositionals: false });
    return values as Record<string, string | undefined>;
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (value === undefined || value.trim() === '') {
    throw new UsageError(`Missing required argument --${name}.`);
  }
  return value;
}

/** Reads MONGODB_URI and PUBLIC_URL only, so these commands run without Clio or encryption settings. */
function loadCliConfig() {
  const result = configSchema.pick({ MONGODB_URI: true, PUBLIC_URL: true }).safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  return result.data;
}

/** Validates a command's arguments and returns the action that runs it against the database. */
function prepare(command: Command, values: Record<string, string | undefined>, publicUrl: string): () => Promise<void> {
  switch (command) {
    case 'create-firm': {
      const firm = { id: required(values, 'id'), name: required(values, 'name'), timeZone: values['time-zone'] };
      validateFirmInput(firm);
      return async () => {
        const created = await createFirm(firm);
        process.stdout.write(`Created firm ${created.id} (${created.name}, ${created.timeZone}).\n`);
      };
    }
    case 'create-user': {
      const user = { email: required(values, 'email'), name: required(values, 'name'), role: required(values, 'role'), firmId: values.firm ?? null };
      validateUserInput(user);
      return async () => {
        const created = await createUser(user);
        const firm = created.firmId ? ` of firm ${created.firmId}` : '';
        process.stdout.write(`Created ${created.role} ${created.email}${firm}.\n`);
      };
    }
    case 'create-staff': {
      const user = { email: required(values, 'email'), name: required(values, 'name'), role: 'staff', firmId: null };
      validateUserInput(user);
      return async () => {
        const password = await readNewPassword();
        const created = await createUser({ ...user, password });
        process.stdout.write(`Created staff ${created.email} with a password; sign in at ${publicUrl.replace(/\/+$/, '')}/sign-in.\n`);
      };
    }
    case 'set-password': {
      const email = required(values, 'email');
      return async () => {
        const password = await readNewPassword();
        const { user, endedSessions } = await setUserPassword(email, password);
        process.stdout.write(`Set the password of ${user.email}; ended ${endedSessions} open browser session${endedSessions === 1 ? '' : 's'}.\n`);
      };
    }
    case 'create-token': {
      const email = required(values, 'email');
      return async () => {
        const created = await createApiToken({ email, label: values.label });
        process.stderr.write(`API token for ${created.user.email}; it is shown only now, so store it safely:\n`);
        process.stdout.write(`${created.token}\n`);
      };
    }
    case 'reencrypt-credentials': {
      const keys = process.env.CREDENTIAL_KEYS;
      if (!keys) {
        throw new UsageError('CREDENTIAL_KEYS is missing: set it to the new key first, then the old ones, for example k2:<new>,k1:<old>.');
      }
      const store = new CredentialStore({
        keyring: parseKeyring(keys),
        // Re-encryption never calls Clio, so the app identity and hosts are not needed.
        app: { clientId: 'unused', clientSecret: 'unused' },
        baseUrlFor: () => 'http://127.0.0.1:9',
      });
      return async () => {
        const result = await store.reencryptAll();
        process.stdout.write(`Re-encrypted ${result.reencrypted} of ${result.total} stored credentials with key ${keys.split(':')[0].trim()}.\n`);
      };
    }
    case 'sign-in-link': {
      const email = required(values, 'email');
      return async () => {
        const link = await createSignInLink({ email, publicUrl });
        process.stderr.write(`Sign-in link for ${link.user.email}, valid once until ${link.expiresAt.toISOString()}:\n`);
        process.stdout.write(`${link.url}\n`);
      };
    }
  }
}

function usageMessage(error: unknown): string | null {
  if (error instanceof UsageError) {
    return error.message;
  }
  if (error instanceof InvalidInputError) {
    return `Invalid ${OPTION_OF_FIELD[error.field] ?? error.field}: ${error.message}`;
  }
  if (error instanceof KeyringError || error instanceof PasswordInputError) {
    return error.message;
  }
  return null;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  let run: () => Promise<void>;
  let mongodbUri: string;
  try {
    if (!isCommand(command)) {
      throw new UsageError(command === undefined ? 'Missing command.' : `Unknown command "${command}".`);
    }
    const config = loadCliConfig();
    mongodbUri = config.MONGODB_URI;
    run = prepare(command, parseOptions(command, args), config.PUBLIC_URL);
  } catch (error) {
    const message = usageMessage(error);
    if (message === null) {
      throw error;
    }
    process.stderr.write(`${message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }

  await connectDatabase(mongodbUri);
  try {
    await run();
    return 0;
  } catch (error) {
    const message = usageMessage(error);
    if (message !== null) {
      process.stderr.write(`${message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof AlreadyExistsError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await disconnectDatabase();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
