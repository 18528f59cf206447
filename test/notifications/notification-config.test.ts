import { configSchema } from '../../lib/config';
import { createEmailTransport } from '../../lib/notifications';

const required = { CLIO_CLIENT_ID: 'id', CLIO_CLIENT_SECRET: 'secret', CREDENTIAL_KEYS: 'k1:x', SESSION_SECRET: 'x'.repeat(32) };

describe('notification configuration', () => {
  test('defaults aim at 127.0.0.1 and turn text messages off', () => {
    const config = configSchema.parse(required);
    expect(config.SMTP_HOST).toBe('127.0.0.1');
    expect(config.SMTP_PORT).toBe(25);
    expect(config.SMTP_SECURE).toBe(false);
    expect(config.SMS_ENDPOINT_URL).toBe('');
    expect(config.NOTIFY_BUSINESS_HOUR).toBe('08:00');
  });

  test('SMTP_SECURE reads true and false', () => {
    expect(configSchema.parse({ ...required, SMTP_SECURE: 'true' }).SMTP_SECURE).toBe(true);
    expect(configSchema.parse({ ...required, SMTP_SECURE: 'false' }).SMTP_SECURE).toBe(false);
  });

  test('SMTP_SECURE rejects other words', () => {
    expect(configSchema.safeParse({ ...required, SMTP_SECURE: 'yes' }).success).toBe(false);
  });

  test('business hour must be HH:MM', () => {
    expect(configSchema.safeParse({ ...required, NOTIFY_BUSINESS_HOUR: '8am' }).success).toBe(false);
  });

  test('sender must be an address', () => {
    expect(configSchema.safeParse({ ...required, NOTIFY_FROM: 'CaseBridge' }).success).toBe(false);
    expect(configSchema.parse({ ...required, NOTIFY_FROM: 'updates@firm.test' }).NOTIFY_FROM).toBe('updates@firm.test');
  });

  test('SMS endpoint must be a URL', () => {
    expect(configSchema.safeParse({ ...required, SMS_ENDPOINT_URL: 'not a url' }).success).toBe(false);
  });

  test('SMTP user without password is rejected', () => {
    const config = configSchema.parse({ ...required, SMTP_USER: 'mailer' });
    expect(() => createEmailTransport(config)).toThrow('SMTP_PASSWORD');
  });
});
