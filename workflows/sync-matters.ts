import { continueAsNew, getExternalWorkflowHandle, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { BOOKKEEPING, CLIO_CALL } from './activity-options';
import { syncProgressSignal, type SyncKind } from './messages';

const { syncMatterPage, reconcileMatterPage } = proxyActivities<Activities>(CLIO_CALL);
const { archiveUnseenProjects } = proxyActivities<Activities>(BOOKKEEPING);

/**
 * Least workflow time between two progress Signals. A Signal after every page cost a tenth of a
 * large sync's time; the parent's tile needs no finer steps than this.
 */
const PROGRESS_INTERVAL_MS = 5_000;

/** Input of a sync over many matters; a continued run carries its cursor and progress. */
export interface SyncMattersInput {
  firmId: string;
  syncRunId: string;
  kind: Exclude<SyncKind, 'project' | 'rederive'>;
  /** Parent integration workflow, which receives progress Signals while the run goes on. */
  parentWorkflowId: string;
  updatedSince?: string | null;
  /** The firm's first full sync, which imports its existing matters without client updates for them. */
  importing?: boolean;
  nextUrl?: string | null;
  progress?: { pages: number; records: number; expectedRecords: number | null };
}

/** Counts of a finished run, as the integration workflow records them. */
export interface SyncMattersResult {
  pages: number;
  records: number;
  archived: number;
}

/**
 * Pages through a firm's matters, one activity per page, following Clio's cursor. Only counts
 * and the cursor enter history. A full or reconcile run ends by archiving the projects whose
 * matter it did not see. The run continues as new when history grows large.
 */
export async function syncMattersWorkflow(input: SyncMattersInput): Promise<SyncMattersResult> {
  const progress = input.progress ?? { pages: 0, records: 0, expectedRecords: null };
  const parent = getExternalWorkflowHandle(input.parentWorkflowId);
  let nextUrl: string | null = input.nextUrl ?? null;
  // Runs recorded before this patch signalled after every page; they replay that way.
  const throttled = patched('sync-progress-every-five-seconds');
  let reportedAt = 0;
  do {
    const page = input.kind === 'reconcile'
      ? await reconcileMatterPage({ firmId: input.firmId, syncRunId: input.syncRunId, nextUrl })
      : await syncMatterPage({ firmId: input.firmId, syncRunId: input.syncRunId, nextUrl, updatedSince: input.updatedSince ?? null, ...(input.importing ? { importing: true } : {}) });
    progress.pages += 1;
    progress.records += page.fetched;
    if ('expectedRecords' in page && progress.expectedRecords === null) {
      progress.expectedRecords = page.expectedRecords;
    }
    nextUrl = page.nextUrl;
    const continuing = Boolean(nextUrl) && workflowInfo().continueAsNewSuggested;
    if (!throttled || !nextUrl || continuing || Date.now() - reportedAt >= PROGRESS_INTERVAL_MS) {
      reportedAt = Date.now();
      // Progress is informative, so a parent that cannot receive it must not fail the sync.
      await parent.signal(syncProgressSignal, { syncRunId: input.syncRunId, ...progress }).catch(() => undefined);
    }
    if (continuing) {
      await continueAsNew<typeof syncMattersWorkflow>({ ...input, nextUrl, progress });
    }
  } while (nextUrl);
  const archived = input.kind === 'incremental' ? 0 : await archiveUnseenProjects({ firmId: input.firmId, syncRunId: input.syncRunId });
  return { pages: progress.pages, records: progress.records, archived };
}
