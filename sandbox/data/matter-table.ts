import { computeEtag } from './format';

/** Matter statuses in the order their codes are stored. */
export const MATTER_STATUSES = ['Open', 'Pending', 'Closed'] as const;

/** A matter status as Clio writes it in responses. */
export type MatterStatus = (typeof MATTER_STATUSES)[number];

/** Marks an empty reference (no stage, no originating attorney) in the index columns. */
export const NONE = -1;

/** Description and display number of a matter added through the admin API, fixed when it was added. */
export interface MatterLabels {
  description: string;
  displayNumber: string;
}

/**
 * The matters of one account, stored column by column in typed arrays (64 bytes a matter)
 * so that an account of 100,000 matters takes a few megabytes.
 *
 * Matter ids are consecutive from `firstId`. Reference columns hold positions in the account's
 * lists (contacts, users, practice areas, matter stages), or NONE. Time columns hold Unix
 * milliseconds at whole seconds, and NaN where Clio sends null. Date columns hold UTC midnight.
 * Matters added after generation are appended, and deleted matters keep their row.
 */
export class MatterTable {
  client: Int32Array;
  practiceArea: Int8Array;
  matterStage: Int16Array;
  responsibleAttorney: Int8Array;
  originatingAttorney: Int8Array;
  responsibleStaff: Int8Array;
  status: Uint8Array;
  /** Picks the description: taken modulo the length of the practice area's description list. */
  descriptionTemplate: Uint8Array;
  createdAt: Float64Array;
  updatedAt: Float64Array;
  matterStageUpdatedAt: Float64Array;
  openDate: Float64Array;
  pendingDate: Float64Array;
  closeDate: Float64Array;
  /** Number of changes made after generation, which feeds the etag. */
  version: Uint32Array;
  /** Number of matters generated with the account. Matters at later positions were added. */
  readonly generatedCount: number;
  private rows: number;
  private readonly deleted = new Set<number>();
  private readonly labels = new Map<number, MatterLabels>();

  constructor(
    readonly firstId: number,
    count: number,
    /** Most matters the table can hold, because the ids after `firstId + maxCount - 1` belong to other accounts. */
    readonly maxCount: number = count,
  ) {
    this.rows = count;
    this.generatedCount = count;
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

  /** Number of rows, deleted matters included. */
  get count(): number {
    return this.rows;
  }

  /** Returns the id of the matter at `index`. */
  idAt(index: number): number {
    return this.firstId + index;
  }

  /** Returns the position of the matter with `id`, deleted or not, or -1 when the account never had it. */
  indexOfId(id: number): number {
    const index = id - this.firstId;
    return Number.isInteger(index) && index >= 0 && index < this.rows ? index : -1;
  }

  /** Returns the position of the live matter with `id`, or -1 when the account has no such matter or it was deleted. */
  indexOfLiveId(id: number): number {
    const index = this.indexOfId(id);
    return index !== -1 && this.deleted.has(index) ? -1 : index;
  }

  /** Returns the etag of the matter at `index`, which changes whenever the matter does. */
  etagAt(index: number): string {
    return computeEtag('Matter', this.idAt(index), this.updatedAt[index], this.version[index]);
  }

  /** Returns the status of the matter at `index`. */
  statusAt(index: number): MatterStatus {
    return MATTER_STATUSES[this.status[index]] ?? 'Open';
  }

  /** Returns whether the matter at `index` was deleted. */
  isDeleted(index: number): boolean {
    return this.deleted.has(index);
  }

  /** Marks the matter at `index` deleted or, with false, restored. Its row and change markers stay as they were. */
  setDeleted(index: number, deleted: boolean): void {
    if (deleted) this.deleted.add(index);
    else this.deleted.delete(index);
  }

  /** Returns the fixed description and display number of an added matter, or undefined for a generated one. */
  labelsAt(index: number): MatterLabels | undefined {
    return this.labels.get(index);
  }

  /**
   * Appends an empty row for a new matter and returns its position. The caller fills the columns.
   * Columns grow by half their size when full, so adding many matters stays cheap.
   */
  append(labels: MatterLabels): number {
    if (this.rows >= this.maxCount) throw new RangeError(`The matter table is full at ${this.maxCount} matters.`);
    if (this.rows === this.client.length) this.grow(Math.min(this.maxCount, Math.max(16, Math.ceil(this.rows * 1.5))));
    const index = this.rows;
    this.rows += 1;
    this.labels.set(index, labels);
    return index;
  }

  /** Sets updated_at of the matter at `index` to `nowMs` (cut to whole seconds) and changes its etag. */
  markChanged(index: number, nowMs: number): number {
    const changedAt = Math.floor(nowMs / 1000) * 1000;
    this.updatedAt[index] = changedAt;
    this.version[index] += 1;
    return changedAt;
  }

  /**
   * Moves the matter at `index` to another stage, or to none with NONE. Sets updated_at and
   * matter_stage_updated_at to `nowMs` (cut to whole seconds) and changes the etag, as an edit in
   * Clio Manage does.
   */
  moveStage(index: number, stageIndex: number, nowMs: number): void {
    this.matterStage[index] = stageIndex;
    this.matterStageUpdatedAt[index] = this.markChanged(index, nowMs);
  }

  private grow(capacity: number): void {
    this.client = resized(this.client, capacity);
    this.practiceArea = resized(this.practiceArea, capacity);
    this.matterStage = resized(this.matterStage, capacity);
    this.responsibleAttorney = resized(this.responsibleAttorney, capacity);
    this.originatingAttorney = resized(this.originatingAttorney, capacity);
    this.responsibleStaff = resized(this.responsibleStaff, capacity);
    this.status = resized(this.status, capacity);
    this.descriptionTemplate = resized(this.descriptionTemplate, capacity);
    this.createdAt = resized(this.createdAt, capacity);
    this.updatedAt = resized(this.updatedAt, capacity);
    this.matterStageUpdatedAt = resized(this.matterStageUpdatedAt, capacity);
    this.openDate = resized(this.openDate, capacity);
    this.pendingDate = resized(this.pendingDate, capacity);
    this.closeDate = resized(this.closeDate, capacity);
    this.version = resized(this.version, capacity);
  }
}

type TypedColumn = Int8Array | Int16Array | Int32Array | Uint8Array | Uint32Array | Float64Array;

function resized<C extends TypedColumn>(column: C, capacity: number): C {
  const copy = new (column.constructor as new (length: number) => C)(capacity);
  copy.set(column);
  return copy;
}
