import { z } from 'zod';
import { FIRM_ID_PATTERN } from '../lib/auth';

/** A firm id path parameter. */
export const firmIdSchema = z.string().regex(FIRM_ID_PATTERN, 'must be a firm id: lowercase letters, digits and dashes');

/** Path parameters of every route under /firms/:firmId. */
export const firmParamsSchema = z.object({ firmId: firmIdSchema }).strict();

/** A request without parameters in its query or body. */
export const emptyObjectSchema = z.object({}).strict();

/** Builds the schema of a `limit` query parameter: 1 to `max`, `fallback` when absent. */
export function limitSchema(fallback: number, max: number) {
  return z.coerce.number().int().min(1).max(max).default(fallback);
}

/** An `offset` query parameter: 0 or more, 0 when absent. */
export const offsetSchema = z.coerce.number().int().min(0).max(1_000_000_000).default(0);
