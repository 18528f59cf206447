import type { Request, Response } from 'express';
import { Passport } from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { verifyUserPassword, type AuthenticatedUser } from '../../lib/auth';

/** Name of the passport strategy that checks an email and password. */
export const PASSWORD_STRATEGY = 'password';

/** The outcome of checking a sign-in form's email and password. */
export type PasswordCheck = { ok: true; user: AuthenticatedUser } | { ok: false };

/** A passport instance; the sign-in route uses its own, beside the Clio OAuth one. */
type PassportInstance = InstanceType<typeof Passport>;

/**
 * Creates a passport instance with passport-local reading the form's `email` and `password`
 * fields and checking them with scrypt. It keeps no passport session: the sign-in route opens the
 * CaseBridge session itself, under a new session id.
 */
export function createPasswordPassport(): PassportInstance {
  const passport = new Passport();
  const strategy = new LocalStrategy({ usernameField: 'email', passwordField: 'password', session: false }, (email, password, done) => {
    verifyUserPassword(email, password).then(
      (user) => done(null, user ?? false),
      (error: unknown) => done(error),
    );
  });
  passport.use(PASSWORD_STRATEGY, strategy);
  return passport;
}

/**
 * Checks the email and password in a parsed sign-in form through the passport strategy. Rejects
 * only when the check itself failed, such as a database error; a wrong password resolves `{ ok: false }`.
 */
export function checkPassword(passport: PassportInstance, req: Request, res: Response): Promise<PasswordCheck> {
  return new Promise((resolve, reject) => {
    const authenticate = passport.authenticate(PASSWORD_STRATEGY, { session: false }, (error: unknown, user: AuthenticatedUser | false) => {
      if (error) {
        reject(error);
        return;
      }
      resolve(user ? { ok: true, user } : { ok: false });
    });
    authenticate(req, res, reject);
  });
}
