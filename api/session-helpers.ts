import type { Request } from 'express';
import { generateSecret } from '../lib/auth';

/** Replaces the session with a new one under a new id, so an id set before sign-in is worthless after it. */
export function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error: unknown) => (error ? reject(error) : resolve())));
}

/** Writes the session to the store now, instead of when the response ends. */
export function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((error: unknown) => (error ? reject(error) : resolve())));
}

/** Deletes the session from the store. */
export function destroySession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((error: unknown) => (error ? reject(error) : resolve())));
}

/** Returns the session's CSRF token, creating one for a session that has none. */
export function csrfTokenOf(req: Request): string {
  if (!req.session.csrfToken) {
    req.session.csrfToken = generateSecret();
  }
  return req.session.csrfToken;
}
