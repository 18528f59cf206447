import pino from 'pino';
import { z } from 'zod';
import { createSandbox } from './server';

/** Environment of the sandbox process. Each variable is optional. */
const environmentSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(4100),
  SANDBOX_MATTERS: z.coerce.number().int().min(0).max(200_000).default(300),
  SANDBOX_SEED: z.coerce.number().int().min(0).max(0xffffffff).default(1),
  SANDBOX_CLIENT_ID: z.string().min(1).default('casebridge-dev'),
  SANDBOX_CLIENT_SECRET: z.string().min(1).default('casebridge-dev-secret'),
});

/** Settings read from the environment. */
export type SandboxEnvironment = z.infer<typeof environmentSchema>;

/**
 * Reads the sandbox settings from the environment. Empty variables count as unset. Returns an
 * error message naming the first invalid variable instead of throwing.
 */
export function readEnvironment(env: NodeJS.ProcessEnv): { ok: true; value: SandboxEnvironment } | { ok: false; message: string } {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  return { ok: false, message: `Invalid ${name}="${env[name] ?? ''}": ${issue?.message ?? 'invalid value'}.` };
}

async function main(): Promise<void> {
  // Logs go to stderr, so stdout carries only the listening line that scripts wait for.
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2));
  const environment = readEnvironment(process.env);
  if (!environment.ok) {
    console.error(environment.message);
    process.exit(1);
  }
  const settings = environment.value;

  const sandbox = await createSandbox({
    port: settings.SANDBOX_PORT,
    clientId: settings.SANDBOX_CLIENT_ID,
    clientSecret: settings.SANDBOX_CLIENT_SECRET,
    defaultAccount: { matters: settings.SANDBOX_MATTERS, seed: settings.SANDBOX_SEED },
    logger,
  });
  console.log(`Clio sandbox listening on ${sandbox.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping Clio sandbox');
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'Clio sandbox did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`Clio sandbox failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
