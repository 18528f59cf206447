import type { Config } from '../config';
import { createEmailTransport } from './email-transport';
import { createSmsTransport } from './sms-transport';
import type { NotificationTransports } from './transport';

/** Builds the transports the configuration enables: email always, text messages when SMS_ENDPOINT_URL is set. */
export function createNotificationTransports(config: Config): NotificationTransports {
  const transports: NotificationTransports = { email: createEmailTransport(config) };
  if (config.SMS_ENDPOINT_URL !== '') {
    transports.sms = createSmsTransport(config.SMS_ENDPOINT_URL);
  }
  return transports;
}
