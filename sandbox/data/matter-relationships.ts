import type { RelationshipRecord } from './account';
import { OTHER_RELATED_ROLES, RELATED_CLIENT_ROLES } from './catalogue';
import type { MatterTable } from './matter-table';
import { createRandom, mixSeed, pick, randomInt } from './random';

/** Relationship ids are `matter id × 4 + k`, so each matter has room for four related contacts. */
export const MAX_RELATIONSHIPS_PER_MATTER = 4;

/** A related contact as the admin API adds it to a new matter. */
export interface NewRelationship {
  contactIndex: number;
  description: string;
}

/**
 * The related contacts of every matter. About 30% of generated matters get one or two, computed
 * on demand from the account seed. Most are clients of other matters of the firm, such as a spouse
 * or a co-client. The others are people such as the opposing counsel, who may not be clients.
 */
export class MatterRelationships {
  private readonly added = new Map<number, RelationshipRecord[]>();

  constructor(
    private readonly seed: number,
    private readonly matters: MatterTable,
    private readonly contactCount: number,
  ) {}

  /** Lists the related contacts of the matter at `index`. */
  at(index: number): RelationshipRecord[] {
    const added = this.added.get(index);
    if (added) return added;
    if (index >= this.matters.generatedCount) return [];
    return this.generate(index);
  }

  /** Stores the related contacts of a matter added through the admin API, created at `nowMs`. */
  setForAddedMatter(index: number, relationships: readonly NewRelationship[], nowMs: number): void {
    const matterId = this.matters.idAt(index);
    const createdAt = Math.floor(nowMs / 1000) * 1000;
    this.added.set(
      index,
      relationships.map((relationship, k) => ({ id: matterId * MAX_RELATIONSHIPS_PER_MATTER + k, ...relationship, createdAt, updatedAt: createdAt })),
    );
  }

  private generate(index: number): RelationshipRecord[] {
    const random = createRandom(mixSeed(this.seed, 5, index));
    if (random() >= 0.3 || this.matters.generatedCount < 2) return [];
    const count = random() < 0.7 ? 1 : 2;
    const ownClient = this.matters.client[index];
    const matterId = this.matters.idAt(index);
    const createdAt = this.matters.createdAt[index];
    const relationships: RelationshipRecord[] = [];

    for (let k = 0; k < count; k += 1) {
      const relatedClient = random() < 0.75;
      let contactIndex = relatedClient
        ? this.matters.client[randomInt(random, 0, this.matters.generatedCount - 1)]
        : randomInt(random, 0, this.contactCount - 1);
      if (contactIndex === ownClient) contactIndex = this.matters.client[(index + 1) % this.matters.generatedCount];
      if (contactIndex === ownClient) continue;
      relationships.push({
        id: matterId * MAX_RELATIONSHIPS_PER_MATTER + k,
        description: pick(random, relatedClient ? RELATED_CLIENT_ROLES : OTHER_RELATED_ROLES),
        contactIndex,
        createdAt,
        updatedAt: createdAt,
      });
    }
    return relationships;
  }
}
