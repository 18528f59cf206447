import pino from 'pino';
import type { IntegrationStatus } from '../../../lib/integration-status';
import { Firm, Integration, Notification, Project, User } from '../../../lib/models';
import { createEmailTransport, createSmsTransport, type NotificationTransport, type NotificationTransports } from '../../../lib/notifications';

/** A silent logger for activities under test. */
export const silentLogger = pino({ level: 'silent' });

/** Friday 2027-01-08 16:00 in New York; the next business window is Monday 2027-01-11 08:00 EST. */
export const FRIDAY_AFTERNOON = '2027-01-08T21:00:00.000Z';
export const MONDAY_WINDOW = '2027-01-11T13:00:00.000Z';

/** Builds a client as a synced project stores it. */
export function client(clioId: number, name: string, contact: { email?: string; phone?: string }) {
  return {
    clioId, name, role: 'client',
    email: contact.email ?? null, emails: contact.email ? [contact.email] : [],
    phone: contact.phone ?? null, phones: contact.phone ? [{ number: contact.phone, name: null }] : [],
  };
}

/** Creates a firm in New York with its integration in `status`. */
export async function createFirm(firmId: string, status: IntegrationStatus = 'active'): Promise<void> {
  await Firm.create({ _id: firmId, name: `Firm ${firmId}`, timeZone: 'America/New_York' });
  await Integration.create({ firmId, provider: 'clio', status });
}

/** Sets the integration state the dispatcher reads. */
export async function setIntegrationStatus(firmId: string, status: IntegrationStatus): Promise<void> {
  await Integration.updateOne({ firmId, provider: 'clio' }, { $set: { status } });
}

/** Creates a project in progress for the matter, with the given clients. */
export async function createProject(firmId: string, clioMatterId: number, clients: ReturnType<typeof client>[], fields: Record<string, unknown> = {}): Promise<void> {
  await Project.create({
    firmId, provider: 'clio', clioMatterId, status: 'in_progress', phase: 'Intake', description: `Case ${clioMatterId}`,
    clioEtag: `"etag-${clioMatterId}"`, clients, raw: { id: clioMatterId }, ...fields,
  });
}

/** Creates a firm admin user. */
export async function createAdmin(firmId: string, email: string): Promise<void> {
  await User.create({ email, name: `Admin ${email}`, role: 'firm_admin', firmId });
}

/** Returns the notifications of one matter, oldest first. */
export async function notificationsOf(firmId: string, clioMatterId: number) {
  return Notification.find({ firmId, clioMatterId }).sort({ _id: 1 }).lean();
}

/** Builds transports aimed at the test SMTP server and SMS endpoint on 127.0.0.1. */
export function localTransports(smtpPort: number, smsUrl?: string): NotificationTransports {
  const email = createEmailTransport({ SMTP_HOST: '127.0.0.1', SMTP_PORT: smtpPort, SMTP_SECURE: false, SMTP_USER: '', SMTP_PASSWORD: '', NOTIFY_FROM: 'Case Updates <updates@casebridge.test>' });
  return smsUrl ? { email, sms: createSmsTransport(smsUrl) } : { email };
}

/** A transport that stops forever at one point of a send, as a worker that crashed there would. */
export interface StoppingTransport extends NotificationTransport {
  /** Resolves when a send reached the stopping point. */
  stopped: Promise<void>;
  /** Lets the stopped send go on, as a dispatcher that was only slow would. */
  resume(): void;
}

/**
 * Wraps a transport so its next send stops `before` or `after` the real send; later sends pass
 * straight through. The stopped promise never settles unless resume() is called.
 */
export function stopOnNextSend(inner: NotificationTransport, where: 'before' | 'after', extra: Partial<NotificationTransport> = {}): StoppingTransport {
  let armed = true;
  let reached: () => void = () => undefined;
  let release: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => { reached = resolve; });
  const gate = new Promise<void>((resolve) => { release = resolve; });
  return {
    channel: inner.channel,
    replaySafe: inner.replaySafe,
    ...extra,
    stopped,
    resume: () => release(),
    async send(message) {
      if (!armed) {
        return inner.send(message);
      }
      armed = false;
      if (where === 'before') {
        reached();
        await gate;
        return inner.send(message);
      }
      const result = await inner.send(message);
      reached();
      await gate;
      return result;
    },
  };
}
