import type { Request, Response } from 'express';
import { z } from 'zod';
import type { SandboxStore } from '../../store/sandbox-store';
import { invalidRequestFrom } from '../admin-errors';

const listTokensQuery = z.object({ accountId: z.coerce.number().int().positive().optional() }).strict();

/**
 * Creates the handler of GET /_admin/tokens[?accountId=…]. It lists every access and refresh token
 * ever issued, as the real strings with their status, so tests can check that no token leaks
 * into logs or stored history.
 */
export function createListTokensHandler(store: SandboxStore) {
  return function listTokens(req: Request, res: Response): void {
    const parsed = listTokensQuery.safeParse(req.query);
    if (!parsed.success) throw invalidRequestFrom(parsed.error, req.query);
    const { accountId } = parsed.data;
    if (accountId !== undefined) store.getAccount(accountId);

    const tokens = store.grants.listTokens(store.nowMs(), accountId);

    res.json({
      accessTokens: tokens.filter((token) => token.kind === 'access'),
      refreshTokens: tokens.filter((token) => token.kind === 'refresh'),
    });
  };
}
