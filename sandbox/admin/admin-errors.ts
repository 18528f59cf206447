import type { Response } from 'express';
import type { ZodError } from 'zod';
import { SandboxError, type SandboxErrorCode } from '../store/sandbox-error';

/** HTTP status of each admin error code. */
const STATUS_BY_CODE: Readonly<Record<SandboxErrorCode | 'forbidden', number>> = {
  invalid_request: 400,
  forbidden: 403,
  account_not_found: 404,
  matter_not_found: 404,
  matter_not_deleted: 409,
  matter_limit_reached: 409,
  matter_stage_not_found: 404,
  matter_stage_outside_practice_area: 400,
  practice_area_not_found: 404,
  user_not_found: 404,
  contact_not_found: 404,
  custom_field_not_found: 404,
  invalid_custom_field_value: 400,
  route_not_found: 404,
};

/** Sends an admin error as `{"error":{"code","message"}}` with the status of its code. */
export function sendAdminError(res: Response, code: SandboxErrorCode | 'forbidden', message: string): void {
  res.status(STATUS_BY_CODE[code]).json({ error: { code, message } });
}

/** Turns a zod validation error into an invalid_request error that names the field and the value. */
export function invalidRequestFrom(error: ZodError, input: unknown): SandboxError {
  const issue = error.issues[0];
  if (!issue) return new SandboxError('invalid_request', 'The request body is invalid.');
  const path = issue.path.join('.');
  let value: unknown = input;
  for (const key of issue.path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  const valueText = value === undefined ? 'missing' : JSON.stringify(value);
  return new SandboxError('invalid_request', `${path === '' ? 'The body' : path} (${valueText}) is invalid: ${issue.message}.`);
}

/** Parses a route parameter that must be a positive integer id. */
export function parseIdParam(name: string, raw: unknown): number {
  const text = String(raw);
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new SandboxError('invalid_request', `${name} "${text}" is not a positive integer id.`);
  return value;
}
