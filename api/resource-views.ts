/** The project fields the API returns; `raw`, the Clio snapshot, is added only for a single project. */
const PROJECT_FIELDS = [
  'clioMatterId', 'displayNumber', 'description', 'type', 'phase', 'status', 'clients', 'team',
  'typeUnmapped', 'phaseUnmapped', 'unmappedPhaseValue', 'mappingVersion',
  'customFields', 'clioUpdatedAt', 'lastSyncRunId', 'archivedAt', 'createdAt', 'updatedAt',
] as const;

/** The sync run fields the API returns besides `id`. */
const SYNC_RUN_FIELDS = [
  'kind', 'trigger', 'clioMatterId', 'state', 'counts', 'pages', 'expectedRecords', 'requests',
  'rateLimited', 'updatedSince', 'requestedAt', 'startedAt', 'finishedAt', 'durationMs', 'error',
] as const;

function pick(doc: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const field of fields) {
    view[field] = doc[field] ?? null;
  }
  return view;
}

/** Converts a lean project document to its API form, with `raw` only when `includeRaw` is set. */
export function toProjectView(doc: Record<string, unknown>, includeRaw: boolean): Record<string, unknown> {
  const view = pick(doc, PROJECT_FIELDS);
  if (includeRaw) {
    view.raw = doc.raw ?? null;
  }
  return view;
}

/** Converts a lean sync run document to its API form, with `id` in place of `_id`. */
export function toSyncRunView(doc: Record<string, unknown>): Record<string, unknown> {
  return { id: doc._id, ...pick(doc, SYNC_RUN_FIELDS) };
}
