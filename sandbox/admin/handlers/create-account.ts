import type { Request, Response } from 'express';
import { z } from 'zod';
import { REGIONS } from '../../regions';
import { MAX_MATTERS_PER_ACCOUNT, type SandboxStore } from '../../store/sandbox-store';
import { invalidRequestFrom } from '../admin-errors';
import { summarizeAccount } from '../account-summary';

const createAccountBody = z
  .object({
    region: z.enum(REGIONS).default('us'),
    matters: z.number().int().min(0).max(MAX_MATTERS_PER_ACCOUNT).default(300),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

/** Creates the handler of POST /_admin/accounts, which generates an account and responds 201 with its summary. */
export function createCreateAccountHandler(store: SandboxStore) {
  return function createAccount(req: Request, res: Response): void {
    const input: unknown = req.body ?? {};
    const parsed = createAccountBody.safeParse(input);
    if (!parsed.success) throw invalidRequestFrom(parsed.error, input);

    const account = store.createAccount(parsed.data);

    res.status(201).json(summarizeAccount(account));
  };
}
