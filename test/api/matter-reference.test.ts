import { parseMatterReference } from '../../api/matter-reference';

describe('parseMatterReference', () => {
  const cases: Array<[input: unknown, expected: number | null]> = [
    [123, 123],
    ['123', 123],
    ['  42 ', 42],
    ['https://app.clio.com/nc/#/matters/123', 123],
    ['https://app.clio.com/nc/#/matters/123/dashboard', 123],
    ['https://app.clio.com/nc/#/matters/123?tab=notes', 123],
    ['https://eu.app.clio.com/nc/#/matters/55', 55],
    ['https://ca.app.clio.com/nc/#/matters/56', 56],
    ['https://au.app.clio.com/nc/#/matters/57', 57],
    ['https://app.clio.com/matters/9', 9],
    [0, null],
    [-3, null],
    [2.5, null],
    [Number.MAX_SAFE_INTEGER + 2, null],
    ['', null],
    ['12 34', null],
    ['0x1F', null],
    ['https://app.clio.com/nc/#/contacts/123', null],
    ['https://app.clio.com/nc/#/matters/', null],
    ['https://app.clio.com/nc/#/matters/12abc', null],
    ['https://clio.example.com/nc/#/matters/1', null],
    ['https://app.clio.com.evil.test/nc/#/matters/1', null],
    ['ftp://app.clio.com/nc/#/matters/1', null],
    [null, null],
    [true, null],
    [{ matterId: 1 }, null],
  ];

  test.each(cases)('%j reads as %j', (input, expected) => {
    expect(parseMatterReference(input)).toBe(expected);
  });

  test('accepts an extra host', () => {
    expect(parseMatterReference('http://127.0.0.1:4010/nc/#/matters/8', ['127.0.0.1'])).toBe(8);
  });

  test('rejects that host without the option', () => {
    expect(parseMatterReference('http://127.0.0.1:4010/nc/#/matters/8')).toBeNull();
  });
});
