import type { RequestHandler } from 'express';
import { z } from 'zod';
import { CLIO_REGIONS } from '../../../../../../lib/integration-status';
import { regionBaseUrl } from '../../../../../../lib/clio/regions';
import type { Config } from '../../../../../../lib/config';
import type { RouteDeps } from '../../../../../app-deps';
import { requesterOf } from '../../../../../firm-access';
import { firmRoute, sendRejection } from '../../../../../firm-route';
import { parseMatterReference } from '../../../../../matter-reference';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../schemas';
import type { RequestSchemas } from '../../../../../validation';

const EXAMPLE_URL = 'https://app.clio.com/nc/#/matters/123';

/** Quotes a rejected value briefly; arrays and objects are named by kind, since they may nest without limit. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) {
    return 'An array';
  }
  if (value !== null && typeof value === 'object') {
    return 'An object';
  }
  return JSON.stringify(value).slice(0, 120);
}

/** Builds the body schema; the configured region hosts count as Clio hosts, so sandbox URLs work too. */
function bodySchemaFor(config: Config) {
  const regionHosts = CLIO_REGIONS.map((region) => new URL(regionBaseUrl(config, region)).hostname);
  const matterId = z.unknown().transform((value, ctx) => {
    if (value === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.invalid_type, expected: z.ZodParsedType.number, received: z.ZodParsedType.undefined });
      return z.NEVER;
    }
    const id = parseMatterReference(value, regionHosts);
    if (id === null) {
      const quotedValue = describeValue(value);
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${quotedValue} is neither a Clio matter id (a positive integer) nor a Clio matter URL such as ${EXAMPLE_URL}` });
      return z.NEVER;
    }
    return id;
  });
  return z.object({ matterId: matterId.describe(`The Clio matter id, as a positive integer or a string of digits, or the matter's URL in Clio such as ${EXAMPLE_URL}.`) }).strict();
}

/** Builds the schemas of the path parameters, query and body; the OpenAPI document is built from them too. */
export function syncProjectRequest(config: Config) {
  return { params: firmParamsSchema, query: emptyObjectSchema, body: bodySchemaFor(config) } satisfies RequestSchemas;
}

/**
 * POST /api/firms/:firmId/projects/sync: requests a sync of one matter's project. `matterId` is
 * the Clio matter id, as a number or a string of digits, or the matter's URL in Clio.
 * Responds 202 with the sync run that will serve it.
 */
export function syncProject(deps: Pick<RouteDeps, 'integrations' | 'config'>): RequestHandler {
  const request = syncProjectRequest(deps.config);
  return firmRoute(request, async ({ input, caller, firm }, _req, res) => {
    const result = await deps.integrations.syncProject(firm.id, { matterId: input.body.matterId, ...requesterOf(caller) });

    if (!result.ok) {
      sendRejection(res, result.rejection);
      return;
    }
    res.status(202).json({ syncRunId: result.value.syncRunId, joined: result.value.joined });
  });
}
