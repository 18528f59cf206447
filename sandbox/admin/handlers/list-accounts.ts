import type { Request, Response } from 'express';
import { z } from 'zod';
import { REGIONS } from '../../regions';
import type { SandboxStore } from '../../store/sandbox-store';
import { invalidRequestFrom } from '../admin-errors';
import { summarizeAccount } from '../account-summary';

const listAccountsQuery = z.object({ region: z.enum(REGIONS).optional() }).strict();

/** Creates the handler of GET /_admin/accounts[?region=us], which lists accounts in creation order. */
export function createListAccountsHandler(store: SandboxStore) {
  return function listAccounts(req: Request, res: Response): void {
    const parsed = listAccountsQuery.safeParse(req.query);
    if (!parsed.success) throw invalidRequestFrom(parsed.error, req.query);

    const accounts = store.listAccounts(parsed.data.region);

    res.json({ accounts: accounts.map(summarizeAccount) });
  };
}
