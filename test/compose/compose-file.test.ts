import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SECRETS = {
  CLIO_CLIENT_ID: 'casebridge-app',
  CLIO_CLIENT_SECRET: 'a-client-secret',
  CREDENTIAL_KEYS: 'k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  SESSION_SECRET: 'a-session-secret-of-at-least-thirty-two-characters',
};

/** Runs Debian's docker-compose (Compose v1), which validates the file without a Docker engine. */
function compose(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !(name in SECRETS)));
  return spawnSync('docker-compose', ['-f', path.join(ROOT, 'docker-compose.yml'), ...args], { cwd: ROOT, env: { ...clean, ...env }, encoding: 'utf8' });
}

test('compose file is valid with its secrets set', () => {
  const result = compose(['config', '-q'], SECRETS);
  expect(result.error).toBeUndefined();
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});

test('compose file runs every service of the stack', () => {
  const result = compose(['config', '--services'], SECRETS);
  const services = result.stdout.trim().split('\n').sort();
  expect(services).toEqual(['api', 'mongo', 'temporal', 'temporal-db', 'temporal-search-attributes', 'temporal-ui', 'worker']);
});

test('compose file names a missing secret', () => {
  const { CLIO_CLIENT_ID: _omitted, ...rest } = SECRETS;
  const result = compose(['config', '-q'], rest);
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain('CLIO_CLIENT_ID');
});
