import { computeEtag } from './format';

/** Matter statuses in the order their codes are stored. */
export const MATTER_STATUSES = ['Open', 'Pending', 'Closed'] as const;

/** A matter status as Clio writes it in responses. */
export type MatterStatus = (typeof MATTER_STATUSES)[number];

/** Marks an empty reference (no stage, no originating attorney) in the index columns. */
export const NONE = -1;

/**
 * The matters of one account, stored column by column in typed arrays (64 bytes a matter)
 * so that an account of 100,000 matters takes a few megabytes.
 *
 * Matter ids are consecutive from `firstId`. Reference columns hold positions in the account's
 * lists (contacts, users, practice areas, matter stages), or NONE. Time columns hold Unix
 * milliseconds at whole seconds, and NaN where Clio sends null. Date columns hold UTC midnight.
 */
export class MatterTable {
  readonly client: Int32Array;
  readonly practiceArea: Int8Array;
  readonly matterStage: Int16Array;
  readonly responsibleAttorney: Int8Array;
  readonly originatingAttorney: Int8Array;
  readonly responsibleStaff: Int8Array;
  readonly status: Uint8Array;
  /** Picks the description: taken modulo the length of the practice area's description list. */
  readonly descriptionTemplate: Uint8Array;
  readonly createdAt: Float64Array;
  readonly updatedAt: Float64Array;
  readonly matterStageUpdatedAt: Float64Array;
  readonly openDate: Float64Array;
  readonly pendingDate: Float64Array;
  readonly closeDate: Float64Array;
  /** Number of changes made after generation, which feeds the etag. */
  readonly version: Uint32Array;

  constructor(
    readonly firstId: number,
    readonly count: number,
  ) {
    this.client = new Int32Array(count);
    this.practiceArea = new Int8Array(count);
    this.matterStage = new Int16Array(count);
    this.responsibleAttorney = new Int8Array(count);
    this.originatingAttorney = new Int8Array(count);
    this.responsibleStaff = new Int8Array(count);
    this.status = new Uint8Array(count);
    this.descriptionTemplate = new Uint8Array(count);
    this.createdAt = new Float64Array(count);
    this.updatedAt = new Float64Array(count);
    this.matterStageUpdatedAt = new Float64Array(count);
    this.openDate = new Float64Array(count);
    this.pendingDate = new Float64Array(count);
    this.closeDate = new Float64Array(count);
    this.version = new Uint32Array(count);
  }

  /** Returns the id of the matter at `index`. */
  idAt(index: number): number {
    return this.firstId + index;
  }

  /** Returns the position of the matter with `id`, or -1 when the account has no such matter. */
  indexOfId(id: number): number {
    const index = id - this.firstId;
    return Number.isInteger(index) && index >= 0 && index < this.count ? index : -1;
  }

  /** Returns the etag of the matter at `index`, which changes whenever the matter does. */
  etagAt(index: number): string {
    return computeEtag('Matter', this.idAt(index), this.updatedAt[index], this.version[index]);
  }

  /** Returns the status of the matter at `index`. */
  statusAt(index: number): MatterStatus {
    return MATTER_STATUSES[this.status[index]] ?? 'Open';
  }

  /**
   * Moves the matter at `index` to another stage, or to none with NONE. Sets updated_at and
   * matter_stage_updated_at to `nowMs` (cut to whole seconds) and changes the etag, as an edit in
   * Clio Manage does.
   */
  moveStage(index: number, stageIndex: number, nowMs: number): void {
    const changedAt = Math.floor(nowMs / 1000) * 1000;
    this.matterStage[index] = stageIndex;
    this.updatedAt[index] = changedAt;
    this.matterStageUpdatedAt[index] = changedAt;
    this.version[index] += 1;
  }
}
