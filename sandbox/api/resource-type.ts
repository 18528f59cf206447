import { argumentError } from './api-error';
import type { FieldRequest } from './fields';

/** Reads one field's value from a record, with null where Clio sends null. */
export type FieldReader<T> = (record: T) => unknown;

/** A field that contains another record, such as a matter's client, or a list of records, such as its relationships. */
export interface NestedField<T> {
  /** Name of the nested record's type, for error messages. */
  typeName: string;
  /** Names of the nested type's scalar and nested fields. */
  fieldNames: readonly string[];
  /** Returns whether the nested type has a scalar or nested field of this name. */
  hasField(name: string): boolean;
  /**
   * Serializes the nested value with the given fields, or with the nested type's default fields
   * when `subfields` is null. Returns null for an empty single record and an array for a list.
   */
  serialize(record: T, subfields: readonly FieldRequest[] | null): unknown;
}

/** A record type of the API: its scalar fields and the records nested in it. */
export interface ResourceType<T> {
  name: string;
  fields: Readonly<Record<string, FieldReader<T>>>;
  nested?: Readonly<Record<string, NestedField<T>>>;
  /**
   * Fields returned when the type is nested and named without braces, and for every record nested
   * one level deeper. @default ['id', 'etag']
   */
  defaultFields?: readonly string[];
}

const ID_AND_ETAG: readonly string[] = ['id', 'etag'];

function defaultRequests<N>(type: ResourceType<N>): FieldRequest[] {
  return (type.defaultFields ?? ID_AND_ETAG).map((name) => ({ name, subfields: null }));
}

function fieldNamesOf<N>(type: ResourceType<N>): string[] {
  return [...Object.keys(type.fields), ...Object.keys(type.nested ?? {})];
}

/** Describes a nested field whose value is read by `read` and serialized as a `type` record. */
export function nestedField<T, N>(type: ResourceType<N>, read: (record: T) => N | null): NestedField<T> {
  const fieldNames = fieldNamesOf(type);
  return {
    typeName: type.name,
    fieldNames,
    hasField: (name) => fieldNames.includes(name),
    serialize: (record, subfields) => {
      const value = read(record);
      return value === null ? null : serializeRecord(type, value, subfields ?? defaultRequests(type));
    },
  };
}

/** Describes a nested list, such as a matter's relationships, whose items are serialized as `type` records. */
export function nestedListField<T, N>(type: ResourceType<N>, read: (record: T) => readonly N[]): NestedField<T> {
  const fieldNames = fieldNamesOf(type);
  return {
    typeName: type.name,
    fieldNames,
    hasField: (name) => fieldNames.includes(name),
    serialize: (record, subfields) => {
      const requests = subfields ?? defaultRequests(type);
      return read(record).map((item) => serializeRecord(type, item, requests));
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
 * without braces returns the nested type's default fields (id and etag for most types), and so
 * does every record nested inside a nested record, as Clio does.
 */
export function serializeRecord<T>(type: ResourceType<T>, record: T, requests: readonly FieldRequest[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const request of requests) {
    const nested = findNested(type, request.name);
    if (nested) {
      const subfields = request.subfields === null ? null : request.subfields.map((name) => ({ name, subfields: null }));
      body[request.name] = nested.serialize(record, subfields);
      continue;
    }
    const read = type.fields[request.name];
    if (read) body[request.name] = read(record);
  }
  return body;
}
