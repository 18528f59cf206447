import { randomUUID } from 'node:crypto';
import { contactIdsOf } from '../../activities/project-mapping';
import { upsertProjects, type UpsertCounts } from '../../activities/project-upsert';
import { ClioApi } from '../../lib/clio/api';
import type { ClioContact, ClioMatter, ClioPage } from '../../lib/clio/types';
import { grantSandboxAccess } from '../../test/support/sandbox-grant';

/** Counts of one baseline sync. */
export interface BaselineResult {
  pages: number;
  fetched: number;
  requests: number;
  counts: UpsertCounts;
}

/**
 * Syncs the sandbox's default account into `firmId`'s projects without Temporal: the same
 * matter and contact requests as the syncMatterPage activity, one page after another, each page
 * bulk-upserted with the activity's own upsertProjects. The caller connects mongoose first and
 * gets `accessToken` from {@link grantBaselineAccess}, so the grant stays out of the timing.
 */
export async function runBaselineSync(sandboxUrl: string, accessToken: string, firmId: string): Promise<BaselineResult> {
  const api = new ClioApi(`${sandboxUrl}/us`, {
    current: async () => accessToken,
    refreshAfterRejection: async () => {
      throw new Error('The sandbox rejected the baseline access token; its lifetime is 30 days, so this should not happen');
    },
  });
  const syncRunId = randomUUID();
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  let pages = 0;
  let fetched = 0;

  let page: ClioPage<ClioMatter> | null = await api.listMatters();
  while (page) {
    const ids = contactIdsOf(page.data);
    const contacts = ids.length > 0 ? await api.getContacts(ids) : [];
    const written = await upsertProjects({ firmId, syncRunId, importing: true, matters: page.data, contacts: new Map<number, ClioContact>(contacts.map((contact) => [contact.id, contact])) });
    for (const key of Object.keys(counts) as (keyof UpsertCounts)[]) {
      counts[key] += written[key];
    }
    pages += 1;
    fetched += page.data.length;
    page = page.nextUrl ? await api.nextPage<ClioMatter>(page.nextUrl) : null;
  }
  return { pages, fetched, requests: api.stats.requests, counts };
}

/** Grants the baseline access to a sandbox account (the default one unless given) and returns the access token. */
export async function grantBaselineAccess(sandboxUrl: string, accountId?: string): Promise<string> {
  return (await grantSandboxAccess(sandboxUrl, 'us', accountId)).accessToken;
}
