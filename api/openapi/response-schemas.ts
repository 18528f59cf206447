import { z } from 'zod';
import { CLIO_REGIONS, INTEGRATION_STATUSES } from '../../lib/integration-status';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors';

const errorCodes = Object.keys(ERROR_CATALOGUE) as [ErrorCode, ...ErrorCode[]];

/** Body of every error response: a catalogue code, a sentence and the request id. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    requestId: z.string(),
  }),
});

/** Body after activate, deactivate and disconnect: the new state and its tile label. */
export const integrationStatusSchema = z.object({
  status: z.enum(INTEGRATION_STATUSES),
  label: z.string(),
});

/** Body of a 202 for a requested sync: the run that will serve it, and whether it was already queued. */
export const syncAcceptedSchema = z.object({
  syncRunId: z.string(),
  joined: z.boolean(),
});

/** The Clio tile, as GET …/integrations/clio returns it. */
export const integrationViewSchema = z.object({
  status: z.enum(INTEGRATION_STATUSES),
  label: z.string(),
  region: z.enum(CLIO_REGIONS).nullable(),
  clioUser: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  lastSyncAt: z.string().datetime().nullable(),
  nextSyncAt: z.string().datetime().nullable(),
  statusBeforeReauthorization: z.enum(INTEGRATION_STATUSES).nullable(),
  message: z.string().nullable(),
});

/** One project or sync run; its fields are listed in api/resource-views.ts. */
const recordSchema = z.record(z.unknown());

/** Body of GET …/projects. */
export const projectListSchema = z.object({ projects: z.array(recordSchema), total: z.number().int() });

/** Body of GET …/projects/:clioMatterId, with the raw Clio snapshot. */
export const projectSchema = recordSchema;

/** Body of GET …/sync-runs. */
export const syncRunListSchema = z.object({ syncRuns: z.array(recordSchema) });

/** Body of GET …/sync-runs/:syncRunId. */
export const syncRunSchema = recordSchema;

/** Body of GET /api/openapi.json. */
export const openApiDocumentSchema = z.record(z.unknown());
