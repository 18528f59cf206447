import type { Logger } from '../logger';
import { Notification } from '../models';
import type { Claim } from './claim';
import { TransportError, type NotificationTransport, type NotificationTransports } from './transport';

/** The result of one delivery step; `lost` means another dispatcher has claimed the notification since. */
export type DeliveryOutcome = 'sent' | 'failed' | 'retry' | 'lost' | 'skipped';

/** Dependencies of a delivery step besides the claim. */
export interface DeliveryContext {
  transports: NotificationTransports;
  now: Date;
  logger: Logger;
}

const path = (index: number, field: string) => `recipients.${index}.${field}`;

/**
 * Delivers one recipient of a claimed notification. Before the transport is
 * called, the recipient moves from pending to sending with this claim's token in one conditional
 * update, so only one dispatcher can start an attempt. A recipient found in sending belongs to
 * a dispatcher that stopped mid-attempt. It is resolved by the transport's lookup when it has
 * one, sent again under the same idempotency key when the transport is replay-safe, and
 * otherwise marked failed with reason outcome_unknown rather than risk a second message.
 */
export async function deliverRecipient(claim: Claim, index: number, context: DeliveryContext): Promise<DeliveryOutcome> {
  const recipient = claim.doc.recipients[index];
  const transport = recipient.channel ? context.transports[recipient.channel] : undefined;
  const id = claim.doc._id;

  if (recipient.status === 'sending') {
    const previousToken = recipient.attemptToken;
    const found = transport?.findSent ? await transport.findSent(recipient.deliveryKey) : null;
    if (found) {
      return recordSent(claim, index, previousToken, found.messageId, context.now);
    }
    if (!transport?.findSent && !transport?.replaySafe) {
      const unknown = await Notification.updateOne(
        { _id: id, claimToken: claim.token, [path(index, 'status')]: 'sending', [path(index, 'attemptToken')]: previousToken },
        { $set: failure(index, 'outcome_unknown', 'A dispatcher stopped after starting this delivery and before storing its result, so it may or may not have arrived; it is not sent again, to avoid a duplicate.', context.now), $inc: { revision: 1 } },
      );
      return unknown.matchedCount === 1 ? 'failed' : 'lost';
    }
    const takenOver = await Notification.updateOne(
      { _id: id, claimToken: claim.token, [path(index, 'status')]: 'sending', [path(index, 'attemptToken')]: previousToken },
      { $set: { [path(index, 'attemptToken')]: claim.token, [path(index, 'attemptedAt')]: context.now }, $inc: { [path(index, 'attempts')]: 1, revision: 1 } },
    );
    if (takenOver.matchedCount === 0) {
      return 'lost';
    }
  } else if (recipient.status === 'pending') {
    const started = await Notification.updateOne(
      { _id: id, claimToken: claim.token, [path(index, 'status')]: 'pending' },
      { $set: { [path(index, 'status')]: 'sending', [path(index, 'attemptToken')]: claim.token, [path(index, 'attemptedAt')]: context.now }, $inc: { [path(index, 'attempts')]: 1, revision: 1 } },
    );
    if (started.matchedCount === 0) {
      return 'lost';
    }
  } else {
    return 'skipped';
  }

  if (!transport || !recipient.address) {
    await Notification.updateOne(
      { _id: id, [path(index, 'attemptToken')]: claim.token, [path(index, 'status')]: 'sending' },
      { $set: failure(index, 'channel_unavailable', `No ${recipient.channel ?? 'delivery'} transport is configured in this worker, so the update could not be sent.`, context.now), $inc: { revision: 1 } },
    );
    return 'failed';
  }
  return attempt(claim, index, transport, context);
}

async function attempt(claim: Claim, index: number, transport: NotificationTransport, context: DeliveryContext): Promise<DeliveryOutcome> {
  const recipient = claim.doc.recipients[index];
  const owned = { _id: claim.doc._id, [path(index, 'attemptToken')]: claim.token, [path(index, 'status')]: 'sending' };
  try {
    const { messageId } = await transport.send({ to: recipient.address as string, subject: recipient.subject, text: recipient.text, idempotencyKey: recipient.deliveryKey });
    return await recordSent(claim, index, claim.token, messageId, context.now);
  } catch (error) {
    const kind = error instanceof TransportError ? error.failure : 'unknown';
    const reason = (error as Error).message;
    context.logger.warn({ firmId: claim.doc.firmId, notificationId: String(claim.doc._id), recipient: index, channel: transport.channel, failure: kind }, 'notification delivery failed');
    if (kind === 'not_sent' || (kind === 'unknown' && transport.replaySafe)) {
      await Notification.updateOne(owned, { $set: { [path(index, 'status')]: 'pending', [path(index, 'reason')]: 'retrying', [path(index, 'message')]: reason }, $inc: { revision: 1 } });
      return 'retry';
    }
    const code = kind === 'rejected' ? 'rejected' : 'outcome_unknown';
    await Notification.updateOne(owned, { $set: failure(index, code, reason, context.now), $inc: { revision: 1 } });
    return 'failed';
  }
}

/**
 * Stores a sent result for the attempt made under `attemptToken`. It is conditioned on that
 * token and not on the claim, so a dispatcher that was presumed stopped still records what it
 * actually sent, even over an outcome_unknown written meanwhile.
 */
async function recordSent(claim: Claim, index: number, attemptToken: string | null | undefined, messageId: string, now: Date): Promise<DeliveryOutcome> {
  const result = await Notification.updateOne(
    { _id: claim.doc._id, [path(index, 'attemptToken')]: attemptToken ?? null, [path(index, 'status')]: { $in: ['sending', 'failed'] } },
    {
      $set: { [path(index, 'status')]: 'sent', [path(index, 'messageId')]: messageId, [path(index, 'finishedAt')]: now, [path(index, 'reason')]: null, [path(index, 'message')]: null },
      $inc: { revision: 1 },
    },
  );
  return result.matchedCount === 1 ? 'sent' : 'lost';
}

function failure(index: number, reason: string, message: string, now: Date): Record<string, unknown> {
  return { [path(index, 'status')]: 'failed', [path(index, 'reason')]: reason, [path(index, 'message')]: message, [path(index, 'finishedAt')]: now };
}
