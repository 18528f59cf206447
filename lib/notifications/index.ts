/**
 * Client updates and admin alerts through an outbox in the notifications collection.
 *
 * Recording: one notification per (project, change), keyed by a unique idempotency key, so a
 * retried activity or a re-run sync records a change once.
 *
 * Delivery: a dispatcher claims a notification by an atomic queued → sending update with a fresh
 * token. Before each transport call it moves the recipient from pending to sending in one
 * conditional update, so only one dispatcher can start an attempt. A recipient returns to pending
 * only when the transport reports the message certainly not sent, or when it is replay-safe. When
 * no dispatcher stops between the transport's acceptance and the stored result, every recipient
 * gets exactly one message. When one stops in that window, the next dispatcher settles the
 * recipient by the transport's lookup if it has one. Without a lookup, a replay-safe transport
 * (text messages) sends again under the same idempotency key. Any other transport (email) marks
 * the recipient failed with reason outcome_unknown and never sends again, so email is at most once.
 */
export { sendAdminAlert, adminAlertMessage, type AdminAlertInput, type AdminAlertResult } from './admin-alert';
export { checkHoliday, nextBusinessWindow, DEFAULT_BUSINESS_HOUR } from './business-window';
export { DEFAULT_SENDING_TIMEOUT_MS, MAX_DISPATCH_ATTEMPTS, type Dispatcher } from './claim';
export { decideNotification, type DecisionInput, type NotificationDecision, type NotificationToggles } from './decide';
export { dispatchDueNotifications, type DispatchOptions, type DispatchResult } from './dispatch';
export { createEmailTransport, type EmailTransportConfig } from './email-transport';
export { explainProjectNotifications, toUpdateExplanation, type UpdateExplanation } from './explain';
export { notificationKey, adminAlertKey, deliveryKey } from './keys';
export { RECORDED_PROJECT_FIELDS, recordProjectChanges, type ProjectChange, type RecordChangesInput, type RecordChangesResult } from './record-changes';
export { createSmsTransport } from './sms-transport';
export { DEFAULT_TEMPLATES, MAX_SUBJECT_LENGTH, MAX_TEXT_LENGTH, TEMPLATE_PLACEHOLDERS, renderMessage, selectTemplate, templateProblems, type FirmTemplate, type MessageTemplate } from './template';
export { TransportError, type NotificationTransport, type NotificationTransports, type OutgoingMessage } from './transport';
export { createNotificationTransports } from './transports-from-config';
export { nextDispatchTime, nextSendingTime, readFirmSchedule, withinSendingHours, type FirmSchedule } from './next-dispatch';
export { withdrawQueuedUpdates, type WithdrawReason } from './withdraw';
