import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS } from '../../lib/logger';

/** Logs `fields` through a logger configured like CaseBridge's and returns the written line. */
function logLine(fields: Record<string, unknown>): string {
  let written = '';
  const sink = new Writable({ write(chunk, _encoding, done) { written += chunk.toString(); done(); } });
  const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
  logger.info(fields, 'event');
  return written;
}

const SECRETS = {
  accessToken: 'secret-access-token',
  refreshToken: 'secret-refresh-token',
  access_token: 'secret-access-token-2',
  refresh_token: 'secret-refresh-token-2',
  password: 'secret-password',
  clientSecret: 'secret-client-secret',
  authorization: 'Bearer secret-bearer',
};

test.each(Object.entries(SECRETS))('top-level %s is redacted', (field, value) => {
  expect(logLine({ [field]: value })).not.toContain(value);
});

test.each(Object.entries(SECRETS))('nested %s is redacted', (field, value) => {
  expect(logLine({ credential: { [field]: value } })).not.toContain(value);
});

test('client contact details are redacted', () => {
  const line = logLine({ client: { name: 'Casey Client', email: 'casey@example.com', phone: '+1 555 0100' } });
  expect(line).not.toContain('casey@example.com');
  expect(line).not.toContain('+1 555 0100');
});

test('request headers are redacted', () => {
  const line = logLine({ req: { headers: { authorization: 'Bearer header-secret', cookie: 'sid=cookie-secret' } } });
  expect(line).not.toContain('header-secret');
  expect(line).not.toContain('cookie-secret');
});

test('ids stay readable', () => {
  expect(logLine({ firmId: 'acme-law', syncRunId: 'run-1' })).toContain('acme-law');
});
