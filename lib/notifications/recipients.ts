import type { Channel } from '../models/notification';

/** A client as the project stores them. */
export interface ProjectClient {
  clioId?: number | null;
  name?: string | null;
  email?: string | null;
  emails?: string[] | null;
  phone?: string | null;
  phones?: { number?: string | null }[] | null;
}

/** Channel and address of one client's update, or the reason the client cannot be reached. */
export interface RecipientChoice {
  clientId: string | null;
  name: string | null;
  channel: Channel | null;
  address: string | null;
  /** Set when the client cannot be reached: no_contact_details or sms_not_configured. */
  unreachable: { reason: string; message: string } | null;
}

/**
 * Chooses one channel per client: email to the primary address (or the first listed) when there
 * is one, else a text message to the primary phone number (or the first listed) when text
 * messages are configured. A client listed twice is counted once.
 */
export function chooseRecipients(clients: readonly ProjectClient[], options: { smsEnabled: boolean }): RecipientChoice[] {
  const seen = new Set<string>();
  const choices: RecipientChoice[] = [];
  for (const [index, client] of clients.entries()) {
    const clientId = client.clioId == null ? `index-${index}` : String(client.clioId);
    if (seen.has(clientId)) {
      continue;
    }
    seen.add(clientId);
    const name = client.name ?? null;
    const email = client.email || client.emails?.find(Boolean) || null;
    const phone = client.phone || client.phones?.find((entry) => entry.number)?.number || null;

    if (email) {
      choices.push({ clientId, name, channel: 'email', address: email, unreachable: null });
    } else if (phone && options.smsEnabled) {
      choices.push({ clientId, name, channel: 'sms', address: phone, unreachable: null });
    } else if (phone) {
      choices.push({ clientId, name, channel: 'sms', address: phone, unreachable: { reason: 'sms_not_configured', message: 'The client has a phone number but no email address, and text messages are not configured (SMS_ENDPOINT_URL).' } });
    } else {
      choices.push({ clientId, name, channel: null, address: null, unreachable: { reason: 'no_contact_details', message: 'The client has neither an email address nor a phone number in Clio.' } });
    }
  }
  return choices;
}
