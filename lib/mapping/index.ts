/**
 * The per-firm field mapping: pure functions that derive project fields from Clio matters and
 * check a mapping against the firm's Clio options. Nothing here reads a database or the network.
 */
export { applyMapping, readPhaseValue } from './apply-mapping';
export { passesSyncRule } from './sync-rule';
export { personFromEmbedded, teamOf } from './team';
export { validateMapping } from './validate-mapping';
export * from './types';
