import session, { type SessionData } from 'express-session';
import { Session } from '../lib/models';

/** Lifetime of a session whose cookie carries no expiry; the app always sets one. */
const FALLBACK_MAX_AGE_MS = 8 * 60 * 60_000;

/**
 * An express-session store on the Session model. The database server used in development has no
 * TTL indexes, so `get` checks the stored expiry and deletes an expired session it finds, and
 * `deleteExpired` removes expired sessions that are never read again.
 */
export class MongooseSessionStore extends session.Store {
  constructor(private readonly now: () => Date = () => new Date()) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    this.read(sid).then((data) => callback(null, data), callback);
  }

  override set(sid: string, data: SessionData, callback?: (err?: unknown) => void): void {
    const update = { data: JSON.stringify(data), expiresAt: this.expiryOf(data) };
    Session.updateOne({ _id: sid }, { $set: update }, { upsert: true }).then(() => callback?.(), (error: unknown) => callback?.(error));
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    Session.deleteOne({ _id: sid }).then(() => callback?.(), (error: unknown) => callback?.(error));
  }

  override touch(sid: string, data: SessionData, callback?: (err?: unknown) => void): void {
    Session.updateOne({ _id: sid }, { $set: { expiresAt: this.expiryOf(data) } }).then(() => callback?.(), (error: unknown) => callback?.(error));
  }

  /** Deletes every expired session and returns how many were deleted. */
  async deleteExpired(): Promise<number> {
    const result = await Session.deleteMany({ expiresAt: { $lte: this.now() } });
    return result.deletedCount;
  }

  private async read(sid: string): Promise<SessionData | null> {
    const doc = await Session.findById(sid).lean();
    if (!doc) {
      return null;
    }
    if (doc.expiresAt.getTime() <= this.now().getTime()) {
      await Session.deleteOne({ _id: sid });
      return null;
    }
    return JSON.parse(doc.data) as SessionData;
  }

  private expiryOf(data: SessionData): Date {
    const expires = data.cookie?.expires;
    if (expires) {
      return new Date(expires);
    }
    return new Date(this.now().getTime() + FALLBACK_MAX_AGE_MS);
  }
}
