import type { MatterStageRecord } from '../../data/account';
import { computeEtag, formatTimestamp } from '../../data/format';
import type { ResourceType } from '../resource-type';

/** The MatterStage fields the sandbox serves. */
export const matterStageResource: ResourceType<MatterStageRecord> = {
  name: 'MatterStage',
  fields: {
    id: (stage) => stage.id,
    etag: (stage) => computeEtag('MatterStage', stage.id, stage.updatedAt),
    name: (stage) => stage.name,
    order: (stage) => stage.order,
    // Clio's MatterStage schema types practice_area_id as a string, unlike every other id.
    practice_area_id: (stage) => String(stage.practiceAreaId),
    created_at: (stage) => formatTimestamp(stage.createdAt),
    updated_at: (stage) => formatTimestamp(stage.updatedAt),
  },
};
