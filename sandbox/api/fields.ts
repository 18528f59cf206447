import { argumentError } from './api-error';

/** One entry of the `fields` parameter: a name, with the nested names given in braces if any. */
export interface FieldRequest {
  name: string;
  /**
   * Names inside braces, or null when the field is named bare or with empty braces. Null selects a
   * nested record's id and etag.
   */
  subfields: string[] | null;
}

/** The fields Clio returns when a request has no `fields` parameter: only id and etag. */
export const DEFAULT_FIELDS: readonly FieldRequest[] = [
  { name: 'id', subfields: null },
  { name: 'etag', subfields: null },
];

const NAME_PATTERN = /^[a-z_][a-z0-9_]*$/;

/**
 * Parses a `fields` parameter such as `id,display_number,client{id,name}`. Returns
 * {@link DEFAULT_FIELDS} when the parameter is absent or empty. Throws a 400 ArgumentError for
 * unbalanced braces, an invalid name, or braces inside braces: only one level of nesting may name
 * fields. Whether the names exist is checked later, against the resource type.
 */
export function parseFields(raw: string | null): readonly FieldRequest[] {
  if (raw === null || raw.trim() === '') return DEFAULT_FIELDS;

  const requests: FieldRequest[] = [];
  for (const item of splitTopLevel(raw)) {
    const text = item.trim();
    if (text === '') continue;
    const braceAt = text.indexOf('{');
    if (braceAt === -1) {
      requests.push({ name: checkName(text, raw), subfields: null });
      continue;
    }

    const name = checkName(text.slice(0, braceAt).trim(), raw);
    if (!text.endsWith('}')) throw argumentError(`Invalid fields parameter "${raw}": text follows the closing brace of ${name}.`);
    const inner = text.slice(braceAt + 1, -1);
    if (inner.includes('{') || inner.includes('}')) {
      throw argumentError(
        `Invalid fields parameter "${raw}": ${name}{…} names fields of a second-level nested resource, ` +
          'and only one level of nesting may name fields.',
      );
    }
    const subfields = inner
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => checkName(part, raw));
    requests.push({ name, subfields: subfields.length === 0 ? null : subfields });
  }
  return requests.length === 0 ? DEFAULT_FIELDS : requests;
}

/** Splits on commas outside braces and checks that braces balance. */
function splitTopLevel(raw: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw[i];
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    if (depth < 0) throw argumentError(`Invalid fields parameter "${raw}": a closing brace has no opening brace.`);
    if (char === ',' && depth === 0) {
      items.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw argumentError(`Invalid fields parameter "${raw}": an opening brace is never closed.`);
  items.push(raw.slice(start));
  return items;
}

function checkName(name: string, raw: string): string {
  if (!NAME_PATTERN.test(name)) throw argumentError(`Invalid fields parameter "${raw}": "${name}" is not a field name.`);
  return name;
}
