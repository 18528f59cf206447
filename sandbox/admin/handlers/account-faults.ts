import type { Request, Response } from 'express';
import { z } from 'zod';
import type { SandboxStore } from '../../store/sandbox-store';
import { invalidRequestFrom, parseIdParam } from '../admin-errors';

const faultsBody = z
  .object({
    rateLimitStorm: z
      .object({
        afterRequests: z.number().int().min(0).max(1_000_000),
        count: z.number().int().min(1).max(1_000_000),
        retryAfterSeconds: z.number().int().min(0).max(86_400),
      })
      .strict()
      .optional(),
    errorRatio: z.number().min(0).max(1).optional(),
    errorSeed: z.number().int().min(0).max(0xffffffff).optional(),
    errorStatuses: z.array(z.number().int().min(500).max(599)).min(1).optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
  })
  .strict();

/**
 * Creates the handler of POST /_admin/accounts/:accountId/faults with body `{"rateLimitStorm"?:
 * {afterRequests, count, retryAfterSeconds}, "errorRatio"?, "errorSeed"?, "errorStatuses"?,
 * "latencyMs"?}`. It replaces the account's faults, restarts their counts and responds with the state.
 */
export function createSetFaultsHandler(store: SandboxStore) {
  return function setFaults(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);
    const input: unknown = req.body ?? {};
    const parsed = faultsBody.safeParse(input);
    if (!parsed.success) throw invalidRequestFrom(parsed.error, input);
    store.getAccount(accountId);

    const state = store.faults.set(accountId, {
      rateLimitStorm: parsed.data.rateLimitStorm ?? null,
      errorRatio: parsed.data.errorRatio ?? 0,
      errorSeed: parsed.data.errorSeed ?? 1,
      errorStatuses: parsed.data.errorStatuses ?? [500, 502, 503],
      latencyMs: parsed.data.latencyMs ?? 0,
    });

    res.json({ accountId, ...state });
  };
}

/** Creates the handler of GET /_admin/accounts/:accountId/faults, which returns the faults and their counts, or `{"faults": null}`. */
export function createGetFaultsHandler(store: SandboxStore) {
  return function getFaults(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);
    store.getAccount(accountId);

    const state = store.faults.stateOf(accountId);

    res.json(state ? { accountId, ...state } : { accountId, faults: null });
  };
}

/** Creates the handler of DELETE /_admin/accounts/:accountId/faults, which removes the account's faults. */
export function createClearFaultsHandler(store: SandboxStore) {
  return function clearFaults(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);
    store.getAccount(accountId);

    store.faults.clear(accountId);

    res.json({ accountId, faults: null });
  };
}
