import { Notification } from '../models';

/**
 * Keeps only the latest phase change of a project in `state` (queued or preview) and marks the
 * others superseded, so a client who is not yet notified hears only of the phase the case is in
 * now. Latest means the greatest `changedAt`, then the newest document. Each update is
 * conditioned on the state, so a notification a dispatcher has already claimed is left alone.
 * Returns how many notifications were superseded.
 */
export async function supersedeOlderChanges(scope: { firmId: string; clioMatterId: number; state: 'queued' | 'preview'; now: Date }): Promise<number> {
  const pending = await Notification.find(
    { firmId: scope.firmId, provider: 'clio', clioMatterId: scope.clioMatterId, kind: 'phase_change', state: scope.state },
    { idempotencyKey: 1, phase: 1, recipients: 1 },
  ).sort({ changedAt: -1, _id: -1 }).lean();
  if (pending.length < 2) {
    return 0;
  }

  const [latest, ...older] = pending;
  const message = `A later phase change of this project, to "${latest.phase ?? 'no phase'}", replaced this update before it was sent.`;
  let superseded = 0;
  for (const doc of older) {
    const recipients = doc.recipients.map((recipient) => (
      recipient.status === 'pending' || recipient.status === 'preview' ? { ...recipient, status: 'superseded', reason: 'superseded', message } : recipient
    ));
    const result = await Notification.updateOne(
      { _id: doc._id, state: scope.state },
      {
        $set: { state: 'superseded', supersededBy: latest.idempotencyKey, recipients },
        $push: { checks: { check: 'coalescing', result: 'fail', reason: 'superseded', message, at: scope.now } },
        $inc: { revision: 1 },
      },
    );
    superseded += result.modifiedCount;
  }
  return superseded;
}
