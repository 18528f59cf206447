import type { ClioMatter } from '../../lib/clio/types';
import { passesSyncRule } from '../../lib/mapping';
import { matter, stageMapping, syncFlagValue, SYNC_FLAG_FIELD } from './fixtures';

const withoutStatus = (): ClioMatter => {
  const copy: Record<string, unknown> = { ...matter() };
  delete copy.status;
  return copy as unknown as ClioMatter;
};

describe('passesSyncRule', () => {
  test('closed matter passes before a mapping exists', () => {
    expect(passesSyncRule(matter({ status: 'Closed' }), null)).toBe(true);
  });

  test.each<[string, ClioMatter, boolean]>([
    ['open matter', matter(), true],
    ['pending matter', matter({ status: 'Pending' }), true],
    ['closed matter', matter({ status: 'Closed' }), false],
    ['matter read without status', withoutStatus(), false],
  ])('without a sync flag: %s', (_name, input, expected) => {
    expect(passesSyncRule(input, stageMapping())).toBe(expected);
  });

  test.each<[string, ClioMatter, boolean]>([
    ['ticked as the string "true"', matter({ custom_field_values: [syncFlagValue('true')] }), true],
    ['ticked as a boolean', matter({ custom_field_values: [syncFlagValue(true)] }), true],
    ['unticked', matter({ custom_field_values: [syncFlagValue('false')] }), false],
    ['no value', matter({ custom_field_values: [] }), false],
    ['ticked on a closed matter', matter({ status: 'Closed', custom_field_values: [syncFlagValue('true')] }), false],
  ])('with a sync flag: %s', (_name, input, expected) => {
    expect(passesSyncRule(input, stageMapping({ syncFlagFieldId: SYNC_FLAG_FIELD }))).toBe(expected);
  });
});
