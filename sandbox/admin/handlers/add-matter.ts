import type { Request, Response } from 'express';
import { z } from 'zod';
import { MATTER_STATUSES } from '../../data/matter-table';
import { addMatter } from '../../store/add-matter';
import { summarizeMatter } from '../../store/matter-summary';
import type { SandboxStore } from '../../store/sandbox-store';
import { invalidRequestFrom, parseIdParam } from '../admin-errors';

const id = z.number().int().positive();
const customFieldInput = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const addMatterBody = z
  .object({
    clientId: id.optional(),
    description: z.string().trim().min(1).max(1000).optional(),
    status: z.enum(MATTER_STATUSES).optional(),
    practiceAreaId: id.nullable().optional(),
    matterStageId: id.nullable().optional(),
    responsibleAttorneyId: id.nullable().optional(),
    originatingAttorneyId: id.nullable().optional(),
    responsibleStaffId: id.nullable().optional(),
    relationships: z.array(z.object({ contactId: id, description: z.string().trim().min(1).max(200) }).strict()).optional(),
    customFieldValues: z.array(z.object({ customFieldId: id, value: customFieldInput }).strict()).optional(),
  })
  .strict();

/**
 * Creates the handler of POST /_admin/accounts/:accountId/matters, which adds a matter created now
 * with the next id and number, and responds 201 with its summary. Every body field is optional.
 */
export function createAddMatterHandler(store: SandboxStore) {
  return function addMatterToAccount(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);
    const input: unknown = req.body ?? {};
    const parsed = addMatterBody.safeParse(input);
    if (!parsed.success) throw invalidRequestFrom(parsed.error, input);

    const account = store.getAccount(accountId);
    const index = addMatter(account, parsed.data, store.nowMs());

    res.status(201).json(summarizeMatter(account, index));
  };
}
