import type { PracticeAreaRecord } from '../../data/account';
import { computeEtag, formatTimestamp } from '../../data/format';
import type { ResourceType } from '../resource-type';

/** The PracticeArea fields the sandbox serves. */
export const practiceAreaResource: ResourceType<PracticeAreaRecord> = {
  name: 'PracticeArea',
  fields: {
    id: (area) => area.id,
    etag: (area) => computeEtag('PracticeArea', area.id, area.updatedAt),
    name: (area) => area.name,
    code: (area) => area.code,
    category: (area) => area.category,
    created_at: (area) => formatTimestamp(area.createdAt),
    updated_at: (area) => formatTimestamp(area.updatedAt),
  },
};
