import { argumentError } from './api-error';
import type { FieldRequest } from './fields';

/** Reads one field's value from a record, with null where Clio sends null. */
export type FieldReader<T> = (record: T) => unknown;

/** A field that contains another record, such as a matter's client. */
export interface NestedField<T> {
  /** Name of the nested record's type, for error messages. */
  typeName: string;
  hasField(name: string): boolean;
  /** Serializes the nested record with the given fields, or returns null when the record has none. */
  serialize(record: T, subfields: readonly FieldRequest[]): Record<string, unknown> | null;
}

/** A record type of the API: its scalar fields and the records nested in it. */
export interface ResourceType<T> {
  name: string;
  fields: Readonly<Record<string, FieldReader<T>>>;
  nested?: Readonly<Record<string, NestedField<T>>>;
}

const BARE_NESTED_FIELDS: readonly FieldRequest[] = [
  { name: 'id', subfields: null },
  { name: 'etag', subfields: null },
];

/** Describes a nested field whose value is read by `read` and serialized as a `type` record. */
export function nestedField<T, N>(type: ResourceType<N>, read: (record: T) => N | null): NestedField<T> {
  return {
    typeName: type.name,
    hasField: (name) => Object.hasOwn(type.fields, name),
    serialize: (record, subfields) => {
      const value = read(record);
      return value === null ? null : serializeRecord(type, value, subfields);
    },
  };
}

function findNested<T>(type: ResourceType<T>, name: string): NestedField<T> | undefined {
  return type.nested && Object.hasOwn(type.nested, name) ? type.nested[name] : undefined;
}

/**
 * Checks every requested name against the type and throws a 400 ArgumentError naming the first
 * unknown one. Braces after a scalar field are rejected too.
 */
export function validateFields<T>(type: ResourceType<T>, requests: readonly FieldRequest[]): void {
  for (const request of requests) {
    const nested = findNested(type, request.name);
    if (nested) {
      const unknown = (request.subfields ?? []).find((name) => !nested.hasField(name));
      if (unknown !== undefined) {
        throw argumentError(`Invalid field "${request.name}{${unknown}}": ${nested.typeName} has no field "${unknown}".`);
      }
      continue;
    }
    if (!Object.hasOwn(type.fields, request.name)) {
      throw argumentError(`Invalid field "${request.name}": ${type.name} has no field "${request.name}".`);
    }
    if (request.subfields !== null) {
      throw argumentError(`Invalid field "${request.name}{…}": ${type.name}.${request.name} is not a nested resource.`);
    }
  }
}

/**
 * Serializes a record with the requested fields, in the requested order. A nested field named
 * without braces returns the nested record's id and etag, as Clio does.
 */
export function serializeRecord<T>(type: ResourceType<T>, record: T, requests: readonly FieldRequest[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const request of requests) {
    const nested = findNested(type, request.name);
    if (nested) {
      const subfields = request.subfields === null ? BARE_NESTED_FIELDS : request.subfields.map((name) => ({ name, subfields: null }));
      body[request.name] = nested.serialize(record, subfields);
      continue;
    }
    const read = type.fields[request.name];
    if (read) body[request.name] = read(record);
  }
  return body;
}
