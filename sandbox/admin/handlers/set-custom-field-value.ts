import type { Request, Response } from 'express';
import { z } from 'zod';
import { setMatterCustomFieldValue } from '../../store/matter-changes';
import { summarizeMatter } from '../../store/matter-summary';
import type { SandboxStore } from '../../store/sandbox-store';
import { invalidRequestFrom, parseIdParam } from '../admin-errors';

const valueBody = z
  .object({
    customFieldId: z.number().int().positive(),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  })
  .strict();

/**
 * Creates the handler of POST /_admin/accounts/:accountId/matters/:matterId/custom-field-values
 * with body `{"customFieldId": id, "value": …}`. A picklist takes an option id, a checkbox true or
 * false, and null clears the value. The matter's updated_at and etag change. It responds with the
 * value's id and stored string and the matter's summary.
 */
export function createSetCustomFieldValueHandler(store: SandboxStore) {
  return function setCustomFieldValue(req: Request, res: Response): void {
    const accountId = parseIdParam('accountId', req.params.accountId);
    const matterId = parseIdParam('matterId', req.params.matterId);
    const input: unknown = req.body ?? {};
    const parsed = valueBody.safeParse(input);
    if (!parsed.success) throw invalidRequestFrom(parsed.error, input);

    const { account, index } = store.getLiveMatter(accountId, matterId);
    const value = setMatterCustomFieldValue(account, index, parsed.data.customFieldId, parsed.data.value, store.nowMs());

    res.json({ customFieldValue: { ...value, customFieldId: parsed.data.customFieldId }, matter: summarizeMatter(account, index) });
  };
}
