import { TransportError, type NotificationTransport, type OutgoingMessage, type TransportFailure } from './transport';

/** Time the SMS endpoint has to respond to one request. */
const REQUEST_TIMEOUT_MS = 15_000;

/** Returns the failure class of an HTTP status the endpoint responded with. */
function classifyStatus(status: number): TransportFailure {
  if (status === 429) {
    return 'not_sent';
  }
  if (status === 408 || status >= 500) {
    return 'unknown';
  }
  return 'rejected';
}

function isConnectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code === 'ECONNREFUSED';
}

/**
 * Creates the text-message transport: each message is POSTed as JSON `{ to, text }` to
 * `endpointUrl` with an `Idempotency-Key` header, and a 2xx response accepts it. The message id
 * is the response's `id` or `messageId` field, or the idempotency key when it has neither. The
 * endpoint must drop a repeated Idempotency-Key, which is what makes the transport replay-safe.
 */
export function createSmsTransport(endpointUrl: string): NotificationTransport {
  const url = new URL(endpointUrl);
  return {
    channel: 'sms',
    replaySafe: true,
    async send(message: OutgoingMessage) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': message.idempotencyKey },
          body: JSON.stringify({ to: message.to, text: message.text }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        const failure = isConnectionRefused(error) ? 'not_sent' : 'unknown';
        throw new TransportError(`SMS endpoint ${url.origin} could not be reached: ${(error as Error).message}`, failure);
      }
      if (!response.ok) {
        // The body is not quoted, because an endpoint may echo the phone number in it.
        await response.body?.cancel();
        throw new TransportError(`SMS endpoint ${url.origin} responded with HTTP ${response.status}`, classifyStatus(response.status));
      }
      const body = (await response.json().catch(() => ({}))) as { id?: unknown; messageId?: unknown };
      if (typeof body.messageId === 'string') {
        return { messageId: body.messageId };
      }
      if (typeof body.id === 'string') {
        return { messageId: body.id };
      }
      return { messageId: message.idempotencyKey };
    },
  };
}
