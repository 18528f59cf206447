import { parseFields, type FieldRequest } from './fields';
import { readSingle } from './query-params';
import { validateFields, type ResourceType } from './resource-type';

/** Reads the `fields` parameter and checks it against the resource type, throwing a 400 ArgumentError when invalid. */
export function readFieldSelection<T>(params: URLSearchParams, type: ResourceType<T>): readonly FieldRequest[] {
  const fields = parseFields(readSingle(params, 'fields'));
  validateFields(type, fields);
  return fields;
}
