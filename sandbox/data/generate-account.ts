import type { Region } from '../regions';
import type { Account, AccountIdBlock, MatterStageRecord, PracticeAreaRecord, UserRecord } from './account';
import { FIRST_NAMES, LAST_NAMES, PRACTICE_AREA_TEMPLATES, REGION_PROFILES } from './catalogue';
import { ContactDirectory } from './contact-directory';
import { CustomFieldValueStore } from './custom-field-values';
import { generateCustomFields } from './generate-custom-fields';
import { generateMatters } from './generate-matters';
import { MatterRelationships } from './matter-relationships';
import { createRandom, mixSeed, pickOrderedSubset, randomInt, type Random } from './random';

const DAY_MS = 86_400_000;

/** Returns how many client contacts an account with `matterCount` matters gets. */
export function contactCountFor(matterCount: number): number {
  return Math.max(3, Math.ceil(matterCount * 0.7));
}

/** Inputs of {@link generateAccount}. */
export interface AccountGenerationInput {
  ids: AccountIdBlock;
  region: Region;
  seed: number;
  matterCount: number;
  /** Most matters the account may hold once the admin API adds some. @default matterCount */
  maxMatterCount?: number;
  /** The firm name, generated from the seed when absent. */
  name?: string;
  /** Unix milliseconds of account creation. Every generated time lies before it. */
  now: number;
}

/**
 * Generates a firm's Clio account. The same seed and matter count give the same names, practice
 * areas, stages, custom fields, contacts, matters, related contacts, custom field values and times
 * relative to `now`. Only the ids come from `ids`.
 */
export function generateAccount(input: AccountGenerationInput): Account {
  const random = createRandom(mixSeed(input.seed, 1));
  const partners = pickOrderedSubset(random, LAST_NAMES, 2);
  const name = input.name ?? `${partners[0]} & ${partners[1]} LLP`;
  const emailDomain = `${(partners[0] ?? 'firm').toLowerCase()}-${(partners[1] ?? 'law').toLowerCase()}.example`;
  const setUpAt = Math.floor((input.now - 6 * 365 * DAY_MS) / 1000) * 1000;

  const users = generateUsers(random, input, emailDomain, setUpAt);
  const { practiceAreas, matterStages } = generatePracticeAreas(random, input.ids, setUpAt);
  const contactCount = contactCountFor(input.matterCount);
  const contacts = new ContactDirectory(input.ids.firstContactId, contactCount, input.seed, input.region, input.now);
  const matters = generateMatters({
    seed: input.seed,
    firstId: input.ids.firstMatterId,
    count: input.matterCount,
    maxCount: input.maxMatterCount ?? input.matterCount,
    contactCount,
    users,
    practiceAreas,
    matterStages,
    now: input.now,
  });
  for (let index = 0; index < matters.count; index += 1) contacts.markClient(matters.client[index]);
  const customFields = generateCustomFields(input.ids.firstCustomFieldId, input.ids.firstPicklistOptionId, setUpAt);
  const valueContext = { contactCount, firstContactId: input.ids.firstContactId, generatedAt: input.now };

  return {
    id: input.ids.accountId,
    name,
    region: input.region,
    seed: input.seed,
    generatedAt: input.now,
    users,
    practiceAreas,
    matterStages,
    customFields,
    contacts,
    matters,
    relationships: new MatterRelationships(input.seed, matters, contactCount),
    matterCustomFieldValues: new CustomFieldValueStore(input.seed, 'Matter', customFields, valueContext),
    contactCustomFieldValues: new CustomFieldValueStore(input.seed, 'Contact', customFields, valueContext),
  };
}

/** Generates 4 to 6 users: first the connected lawyer and account owner, last a non-attorney paralegal. */
function generateUsers(random: Random, input: AccountGenerationInput, emailDomain: string, setUpAt: number): UserRecord[] {
  const count = randomInt(random, 4, 6);
  const firstNames = pickOrderedSubset(random, FIRST_NAMES, count);
  const lastNames = pickOrderedSubset(random, LAST_NAMES, count);
  const timeZone = REGION_PROFILES[input.region].timeZone;

  return firstNames.map((firstName, index) => {
    const lastName = lastNames[index] ?? 'Doe';
    const isParalegal = index === count - 1;
    const createdAt = setUpAt + index * 7 * DAY_MS;
    return {
      id: input.ids.firstUserId + index,
      firstName,
      lastName,
      email: `${firstName}.${lastName}@${emailDomain}`.toLowerCase(),
      // A departed attorney still owns old matters but can no longer sign in.
      enabled: !(count >= 5 && index === count - 2),
      subscriptionType: isParalegal ? 'NonAttorney' : 'Attorney',
      timeZone,
      accountOwner: index === 0,
      createdAt,
      updatedAt: createdAt + randomInt(random, 0, 400) * DAY_MS,
    };
  });
}

function generatePracticeAreas(
  random: Random,
  ids: AccountIdBlock,
  setUpAt: number,
): { practiceAreas: PracticeAreaRecord[]; matterStages: MatterStageRecord[] } {
  const templates = pickOrderedSubset(random, PRACTICE_AREA_TEMPLATES, randomInt(random, 4, 6));
  const practiceAreas: PracticeAreaRecord[] = [];
  const matterStages: MatterStageRecord[] = [];

  templates.forEach((template, areaIndex) => {
    const practiceAreaId = ids.firstPracticeAreaId + areaIndex;
    const createdAt = setUpAt + areaIndex * DAY_MS;
    practiceAreas.push({
      id: practiceAreaId,
      name: template.name,
      code: template.code,
      category: template.category,
      descriptions: template.descriptions,
      createdAt,
      updatedAt: createdAt,
    });

    const stageCount = randomInt(random, 3, Math.min(6, template.stages.length));
    pickOrderedSubset(random, template.stages, stageCount).forEach((stageName, stageIndex) => {
      matterStages.push({
        id: ids.firstMatterStageId + matterStages.length,
        practiceAreaId,
        name: stageName,
        order: stageIndex + 1,
        createdAt,
        updatedAt: createdAt,
      });
    });
  });
  return { practiceAreas, matterStages };
}
