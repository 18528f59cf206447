import { z } from 'zod';
import type { StoredMapping } from '../../../../../../lib/models/mapping';

const clioIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const nameSchema = z.string().trim().min(1).max(100);

const phaseSchema = z.object({
  name: nameSchema,
  /** not_started marks phase 0 (first), final the phase that completes the project (last). */
  kind: z.enum(['not_started', 'in_progress', 'final']).default('in_progress'),
  /** Stage ids, or picklist option ids when the phase source is a custom field; a repeated id counts once. */
  clioValues: z.array(clioIdSchema).max(500).transform((ids) => [...new Set(ids)]),
}).strict();

const projectTypeSchema = z.object({
  name: nameSchema,
  practiceAreaId: clioIdSchema,
  phases: z.array(phaseSchema).max(50),
}).strict();

const phaseSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('matter_stage') }).strict(),
  z.object({ kind: z.literal('custom_field'), customFieldId: clioIdSchema }).strict(),
]);

const teamSchema = z.object({
  primaryContact: z.enum(['responsible_attorney', 'responsible_staff']).default('responsible_attorney'),
  includeResponsibleStaff: z.boolean().default(true),
}).strict();

/**
 * Body of PUT /api/firms/:firmId/mapping. It checks shapes only; validateMapping checks the
 * content against the firm's Clio options, so each of those problems gets its own message.
 */
export const mappingBodySchema = z.object({
  phaseSource: phaseSourceSchema.default({ kind: 'matter_stage' }),
  syncFlagFieldId: clioIdSchema.nullable().default(null),
  team: teamSchema.default({ primaryContact: 'responsible_attorney', includeResponsibleStaff: true }),
  projectTypes: z.array(projectTypeSchema).max(200),
}).strict();

/** Converts a stored mapping to its API form. */
export function toMappingView(mapping: StoredMapping): Record<string, unknown> {
  return {
    version: mapping.version,
    phaseSource: mapping.phaseSource,
    syncFlagFieldId: mapping.syncFlagFieldId,
    team: mapping.team,
    projectTypes: mapping.projectTypes,
    updatedAt: mapping.updatedAt?.toISOString() ?? null,
    updatedBy: mapping.updatedBy,
  };
}
