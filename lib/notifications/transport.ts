import type { Channel } from '../models/notification';

/** One message to one address. `idempotencyKey` is the same on every attempt to deliver it. */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  idempotencyKey: string;
}

/**
 * Class of a send failure. rejected: the receiving server rejected the message for good. not_sent: the
 * message certainly did not leave, and a later attempt may succeed. unknown: the connection
 * failed while the message was being handed over, so it may or may not have been accepted.
 */
export type TransportFailure = 'rejected' | 'not_sent' | 'unknown';

/** Raised by a transport; `failure` shows the dispatcher whether a later attempt is safe. */
export class TransportError extends Error {
  override name = 'TransportError';

  constructor(message: string, readonly failure: TransportFailure) {
    super(message);
  }
}

/** Sends messages over one channel. */
export interface NotificationTransport {
  readonly channel: Channel;
  /**
   * True when the receiving service drops a message whose idempotency key it has seen before,
   * so a message whose outcome is unknown may be sent again with the same key.
   */
  readonly replaySafe: boolean;
  /** Sends one message; resolves once the receiving server accepted it, or throws TransportError. */
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
  /**
   * Looks up whether a message with this idempotency key was accepted, for transports whose
   * service keeps such a record. Resolves null when it was not.
   */
  findSent?(idempotencyKey: string): Promise<{ messageId: string } | null>;
  /** Closes pooled connections. */
  close?(): void;
}

/** The transports of a process, by channel; a missing channel cannot be used. */
export type NotificationTransports = Partial<Record<Channel, NotificationTransport>>;
