import { Notification } from '../models';
import { CLIENT_NOTIFICATION_KINDS } from '../models/notification';

/** Why queued client updates were withdrawn: staff deactivated the firm, or its admin disconnected Clio. */
export type WithdrawReason = 'integration_deactivated' | 'integration_disconnected';

const MESSAGES: Record<WithdrawReason, string> = {
  integration_deactivated: 'Staff deactivated the integration before this update was sent, so it is not sent. After the next activation only newer changes are sent.',
  integration_disconnected: 'The firm disconnected Clio before this update was sent, so it is not sent.',
};

/**
 * Suppresses the firm's queued client updates when the integration stops being Active, so a
 * later activation never sends changes from before it. Each update is conditioned on the
 * queued state, so a notification a dispatcher has already claimed is left to finish. Admin
 * alerts are left alone. Returns how many updates were withdrawn.
 */
export async function withdrawQueuedUpdates(firmId: string, reason: WithdrawReason, now: Date): Promise<number> {
  const queued = await Notification.find(
    { firmId, provider: 'clio', kind: { $in: [...CLIENT_NOTIFICATION_KINDS] }, state: 'queued' },
    { recipients: 1 },
  ).lean();

  const message = MESSAGES[reason];
  let withdrawn = 0;
  for (const doc of queued) {
    const recipients = doc.recipients.map((recipient) => (
      recipient.status === 'pending' ? { ...recipient, status: 'suppressed', reason, message, finishedAt: now } : recipient
    ));
    const result = await Notification.updateOne(
      { _id: doc._id, state: 'queued' },
      {
        $set: { state: 'suppressed', recipients, finishedAt: now },
        $push: { checks: { check: 'integration', result: 'fail', reason, message, at: now } },
        $inc: { revision: 1 },
      },
    );
    withdrawn += result.modifiedCount;
  }
  return withdrawn;
}
