import type { Account } from '../data/account';
import { formatDate, formatTimestamp } from '../data/format';
import { matterDescription, matterDisplayNumber } from '../data/matter-labels';
import type { MatterStatus } from '../data/matter-table';

/** A matter as the admin API returns it after a change, with times formatted as the API sends them. */
export interface MatterSummary {
  matterId: number;
  number: number;
  displayNumber: string;
  description: string;
  status: MatterStatus;
  clientId: number;
  practiceAreaId: number | null;
  matterStageId: number | null;
  etag: string;
  createdAt: string | null;
  updatedAt: string | null;
  openDate: string | null;
  pendingDate: string | null;
  closeDate: string | null;
  deleted: boolean;
}

/** Summarizes the matter at `index` for admin responses. */
export function summarizeMatter(account: Account, index: number): MatterSummary {
  const { matters } = account;
  return {
    matterId: matters.idAt(index),
    number: index + 1,
    displayNumber: matterDisplayNumber(account, index),
    description: matterDescription(account, index),
    status: matters.statusAt(index),
    clientId: account.contacts.firstId + matters.client[index],
    practiceAreaId: account.practiceAreas[matters.practiceArea[index]]?.id ?? null,
    matterStageId: account.matterStages[matters.matterStage[index]]?.id ?? null,
    etag: matters.etagAt(index),
    createdAt: formatTimestamp(matters.createdAt[index]),
    updatedAt: formatTimestamp(matters.updatedAt[index]),
    openDate: formatDate(matters.openDate[index]),
    pendingDate: formatDate(matters.pendingDate[index]),
    closeDate: formatDate(matters.closeDate[index]),
    deleted: matters.isDeleted(index),
  };
}
