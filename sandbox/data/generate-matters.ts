import type { MatterStageRecord, PracticeAreaRecord, UserRecord } from './account';
import { MatterTable, NONE } from './matter-table';
import { createRandom, mixSeed, randomInt, type Random } from './random';

const SECOND_MS = 1000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Matters are opened over the five years before the account is created. */
const HISTORY_MS = 5 * 365 * DAY_MS;

const STATUS_OPEN = 0;
const STATUS_PENDING = 1;
const STATUS_CLOSED = 2;

/** Inputs of {@link generateMatters}. Positions refer to the account's lists. */
export interface MatterGenerationInput {
  seed: number;
  firstId: number;
  count: number;
  /** Most matters the table may hold once matters are added. */
  maxCount: number;
  contactCount: number;
  users: readonly UserRecord[];
  practiceAreas: readonly PracticeAreaRecord[];
  matterStages: readonly MatterStageRecord[];
  /** Unix milliseconds of account creation. Every generated time lies before it. */
  now: number;
}

const toSecond = (ms: number): number => Math.floor(ms / SECOND_MS) * SECOND_MS;
const toUtcDate = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

function pickIndex(random: Random, indexes: readonly number[]): number {
  return indexes.length === 0 ? NONE : (indexes[Math.floor(random() * indexes.length)] ?? NONE);
}

/**
 * Fills a matter table for an account, with ids growing with created_at. About 80% of matters are
 * Open, 10% Pending and 10% Closed. A few have no practice area, no stage or no originating
 * attorney, so clients meet the nulls that Clio sends.
 */
export function generateMatters(input: MatterGenerationInput): MatterTable {
  const random = createRandom(mixSeed(input.seed, 3));
  const table = new MatterTable(input.firstId, input.count, input.maxCount);
  const attorneys = indexesWhere(input.users, (user) => user.subscriptionType === 'Attorney');
  const staff = indexesWhere(input.users, (user) => user.subscriptionType === 'NonAttorney');
  const stagesByArea = input.practiceAreas.map((area) =>
    indexesWhere(input.matterStages, (stage) => stage.practiceAreaId === area.id),
  );
  const historyStart = input.now - HISTORY_MS;
  const slot = (HISTORY_MS - DAY_MS) / Math.max(1, input.count);

  for (let i = 0; i < input.count; i += 1) {
    const createdAt = toSecond(historyStart + slot * (i + random() * 0.9));
    const status = drawStatus(random);
    table.client[i] = randomInt(random, 0, input.contactCount - 1);
    table.status[i] = status;
    table.descriptionTemplate[i] = randomInt(random, 0, 255);
    table.responsibleAttorney[i] = random() < 0.95 ? pickIndex(random, attorneys) : NONE;
    table.originatingAttorney[i] = random() < 0.7 ? pickIndex(random, attorneys) : NONE;
    table.responsibleStaff[i] = random() < 0.4 ? pickIndex(random, staff) : NONE;

    const area = random() < 0.95 ? randomInt(random, 0, input.practiceAreas.length - 1) : NONE;
    table.practiceArea[i] = area;
    table.matterStage[i] = area === NONE || random() >= 0.92 ? NONE : pickStage(random, stagesByArea[area] ?? [], status);

    const openedOn = toUtcDate(createdAt);
    table.openDate[i] = status === STATUS_PENDING ? Number.NaN : openedOn;
    table.pendingDate[i] = status === STATUS_PENDING || random() < 0.3 ? openedOn : Number.NaN;

    let updatedAt =
      random() < 0.3
        ? createdAt + randomInt(random, 1, 3600) * SECOND_MS
        : toSecond(createdAt + random() * (input.now - HOUR_MS - createdAt));
    table.closeDate[i] = Number.NaN;
    if (status === STATUS_CLOSED) {
      const closedAt = toSecond(createdAt + random() * (input.now - HOUR_MS - createdAt));
      table.closeDate[i] = toUtcDate(closedAt);
      updatedAt = Math.max(updatedAt, closedAt);
    }
    table.updatedAt[i] = updatedAt;
    table.createdAt[i] = createdAt;
    table.matterStageUpdatedAt[i] =
      table.matterStage[i] === NONE ? Number.NaN : toSecond(createdAt + random() * (updatedAt - createdAt));
  }
  return table;
}

function drawStatus(random: Random): number {
  const draw = random();
  if (draw < 0.8) return STATUS_OPEN;
  if (draw < 0.9) return STATUS_PENDING;
  return STATUS_CLOSED;
}

/** Picks a stage: the last for a closed matter, the first for a pending one, any for an open one. */
function pickStage(random: Random, stages: readonly number[], status: number): number {
  if (stages.length === 0) return NONE;
  if (status === STATUS_CLOSED) return stages[stages.length - 1] ?? NONE;
  if (status === STATUS_PENDING) return stages[0] ?? NONE;
  return pickIndex(random, stages);
}

function indexesWhere<T>(items: readonly T[], predicate: (item: T) => boolean): number[] {
  const indexes: number[] = [];
  items.forEach((item, index) => {
    if (predicate(item)) indexes.push(index);
  });
  return indexes;
}
