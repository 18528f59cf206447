import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { CLIO_CALL } from './activity-options';

const { syncMatterPage } = proxyActivities<Activities>(CLIO_CALL);

/** Input of a full sync; a continued run carries its cursor and the totals so far. */
export interface SyncMattersInput {
  firmId: string;
  syncRunId: string;
  nextUrl?: string | null;
  totals?: SyncTotals;
}

/** Counts of a whole sync run. */
export interface SyncTotals {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  pages: number;
}

/**
 * Pages through all of a firm's matters, one activity per page, following Clio's cursor.
 * Only counts and the cursor enter history; the run continues as new when history grows large.
 */
export async function syncMattersWorkflow(input: SyncMattersInput): Promise<SyncTotals> {
  const totals: SyncTotals = input.totals ?? { fetched: 0, created: 0, updated: 0, unchanged: 0, pages: 0 };
  let nextUrl: string | null = input.nextUrl ?? null;
  do {
    const page = await syncMatterPage({ firmId: input.firmId, syncRunId: input.syncRunId, nextUrl });
    totals.fetched += page.fetched;
    totals.created += page.created;
    totals.updated += page.updated;
    totals.unchanged += page.unchanged;
    totals.pages += 1;
    nextUrl = page.nextUrl;
    if (nextUrl && workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof syncMattersWorkflow>({ ...input, nextUrl, totals });
    }
  } while (nextUrl);
  return totals;
}
