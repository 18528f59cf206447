import nodemailer from 'nodemailer';
import type { Config } from '../config';
import { TransportError, type NotificationTransport, type OutgoingMessage, type TransportFailure } from './transport';

/** SMTP settings of the email transport, as lib/config.ts reads them from the environment. */
export type EmailTransportConfig = Pick<Config, 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_SECURE' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'NOTIFY_FROM'>;

/** Waits before an SMTP attempt counts as failed: connecting, the greeting, and silence on the socket. */
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 60_000;

/** Errors raised before any part of the message left, so the message was certainly not accepted. */
const BEFORE_MESSAGE_CODES = new Set(['EDNS', 'ETLS', 'EREQUIRETLS', 'EAUTH', 'ENOAUTH', 'EOAUTH2', 'ECONFIG', 'EPROXY']);
const BEFORE_MESSAGE_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);

interface SmtpError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  permanent?: boolean;
  timeoutType?: string;
  message: string;
}

/** Classifies a nodemailer error by whether the message may have been accepted. */
function classify(error: SmtpError): TransportFailure {
  if (typeof error.responseCode === 'number') {
    // The server replied: a 5xx rejects the message for good, a 4xx rejects it for now.
    return error.permanent ? 'rejected' : 'not_sent';
  }
  if (error.code === 'EENVELOPE') {
    return 'rejected';
  }
  if (BEFORE_MESSAGE_CODES.has(error.code ?? '') || error.originalCode === 'ECONNREFUSED' || BEFORE_MESSAGE_TIMEOUTS.has(error.timeoutType ?? '')) {
    return 'not_sent';
  }
  return 'unknown';
}

/** Returns the domain of the sender address, which ends every Message-ID. */
export function senderDomain(from: string): string {
  const match = /@([^@\s>]+)>?\s*$/.exec(from);
  if (!match) {
    throw new RangeError(`NOTIFY_FROM "${from}" is not an email address or Name <address>`);
  }
  return match[1];
}

/**
 * Creates the email transport: plain-text messages over SMTP through nodemailer. The Message-ID
 * is built from the idempotency key, so every attempt at one delivery carries the same
 * Message-ID. SMTP cannot be asked whether a message arrived, so the transport is not
 * replay-safe and has no lookup.
 */
export function createEmailTransport(config: EmailTransportConfig): NotificationTransport {
  if (config.SMTP_USER !== '' && config.SMTP_PASSWORD === '') {
    throw new RangeError('SMTP_PASSWORD is empty but SMTP_USER is set: set the password, or clear SMTP_USER to send without authentication');
  }
  const domain = senderDomain(config.NOTIFY_FROM);
  const transporter = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    auth: config.SMTP_USER === '' ? undefined : { user: config.SMTP_USER, pass: config.SMTP_PASSWORD },
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });

  return {
    channel: 'email',
    replaySafe: false,
    async send(message: OutgoingMessage) {
      const messageId = `<${message.idempotencyKey}@${domain}>`;
      try {
        await transporter.sendMail({ from: config.NOTIFY_FROM, to: message.to, subject: message.subject, text: message.text, messageId });
      } catch (error) {
        const smtpError = error as SmtpError;
        throw new TransportError(`SMTP server ${config.SMTP_HOST}:${config.SMTP_PORT} did not accept the email: ${smtpError.message}`, classify(smtpError));
      }
      return { messageId };
    },
    close() {
      transporter.close();
    },
  };
}
