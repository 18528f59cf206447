import type { RequestHandler } from 'express';
import { validateMapping } from '../../../../../../lib/mapping';
import { saveFirmMapping } from '../../../../../../lib/models/mapping';
import type { RouteDeps } from '../../../../../app-deps';
import { sendError } from '../../../../../errors';
import { requesterOf } from '../../../../../firm-access';
import { firmRoute, sendRejection } from '../../../../../firm-route';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../schemas';
import type { RequestSchemas } from '../../../../../validation';
import { loadClioOptions } from './clio-options';
import { mappingBodySchema, toMappingView } from './mapping-body';

/** Schemas of the path parameters, query and body. */
export const saveMappingRequest = { params: firmParamsSchema, query: emptyObjectSchema, body: mappingBodySchema } satisfies RequestSchemas;

/**
 * PUT /api/firms/:firmId/mapping: replaces the firm's field mapping. The mapping is checked
 * against the firm's live Clio options; each problem is listed in a 422 `invalid_mapping`. A
 * valid mapping is saved with the next version, and the integration workflow queues a re-derive
 * of every project from its stored Clio snapshot. Responds with the mapping and that run.
 */
export function saveMapping(deps: Pick<RouteDeps, 'integrations'>): RequestHandler {
  return firmRoute(saveMappingRequest, async ({ input, caller, firm }, _req, res) => {
    const options = await loadClioOptions(deps.integrations, firm.id);
    if (!options.ok) {
      sendRejection(res, options.rejection);
      return;
    }
    const problems = validateMapping(input.body, options.value);
    if (problems.length > 0) {
      const count = problems.length === 1 ? 'one problem' : `${problems.length} problems`;
      sendError(res, 'invalid_mapping', `The mapping has ${count}: ${problems.map((problem) => problem.message).join(' ')}`, { problems });
      return;
    }
    const requester = requesterOf(caller);
    const saved = await saveFirmMapping(firm.id, input.body, requester.requestedBy ?? null);
    const rederive = await deps.integrations.mappingChanged(firm.id, { ...requester, mappingVersion: saved.version });

    if (!rederive.ok) {
      const reason = rederive.rejection.message.replace(/\.$/, '');
      sendError(res, rederive.rejection.code, `The mapping was saved as version ${saved.version}, but re-deriving the projects could not be queued (${reason}). Save the mapping again to retry.`);
      return;
    }
    res.json({ mapping: toMappingView(saved), rederive: rederive.value });
  });
}
