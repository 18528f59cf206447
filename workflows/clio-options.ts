import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ClioOptions } from '../lib/mapping/types';
import { CLIO_OPTIONS_READ } from './activity-options';

const { fetchClioOptions } = proxyActivities<Activities>(CLIO_OPTIONS_READ);

/** Input of a Clio options read. */
export interface FetchClioOptionsInput {
  firmId: string;
}

/**
 * Reads the firm's practice areas, matter stages and matter custom fields for the mapping editor
 * and the mapping's validation. A short workflow of its own, so the API reaches Clio only through
 * the worker, where the firm's tokens are. Its result contains names and ids, never a token.
 */
export async function fetchClioOptionsWorkflow(input: FetchClioOptionsInput): Promise<ClioOptions> {
  return fetchClioOptions(input.firmId);
}
