import type { NotificationState, RecipientStatus } from '../models/notification';
import { deliveryKey } from './keys';
import type { RecipientChoice } from './recipients';
import type { MessageTemplate } from './template';

/** A check as the outbox stores it, with the time it was made. */
export interface StoredCheck {
  check: string;
  result: 'pass' | 'fail' | 'info';
  reason: string;
  message: string;
  at: Date;
}

/** A recipient as the outbox stores it before any delivery attempt. */
export interface NewRecipient {
  clientId: string | null;
  name: string | null;
  channel: 'email' | 'sms' | null;
  address: string | null;
  status: RecipientStatus;
  reason: string | null;
  message: string | null;
  subject: string;
  text: string;
  deliveryKey: string;
}

/** The recipient status that matches a new notification's state. */
const STATUS_FOR_STATE: Partial<Record<NotificationState, RecipientStatus>> = {
  queued: 'pending',
  preview: 'preview',
  suppressed: 'suppressed',
};

/**
 * Builds the stored recipients of a new notification, one per chosen client, each with the text
 * rendered for them. An unreachable client is suppressed with its own reason, and every other
 * client takes the notification's state and, unless it is queued, its reason.
 */
export function buildRecipients(
  choices: readonly RecipientChoice[],
  notification: { state: NotificationState; reason: string; message: string; idempotencyKey: string; render: (clientName: string | null) => MessageTemplate },
): NewRecipient[] {
  return choices.map((choice) => {
    const rendered = notification.render(choice.name);
    const status = choice.unreachable ? 'suppressed' : (STATUS_FOR_STATE[notification.state] ?? 'pending');
    const cause = choice.unreachable ?? (status === 'pending' ? null : { reason: notification.reason, message: notification.message });
    return {
      clientId: choice.clientId,
      name: choice.name,
      channel: choice.channel,
      address: choice.address,
      status,
      reason: cause?.reason ?? null,
      message: cause?.message ?? null,
      subject: rendered.subject,
      text: rendered.text,
      deliveryKey: deliveryKey(notification.idempotencyKey, choice.channel ?? 'none', choice.clientId ?? 'unknown'),
    };
  });
}
