import type { Request } from 'express';
import type { z } from 'zod';

/** Part of the request an input came from, as error messages name it. */
export type InputLocation = 'path' | 'query' | 'body';

/** The outcome of parsing a request input. */
export type ParsedInput<T> = { ok: true; data: T } | { ok: false; message: string };

/** Returns the value at `path` inside `input`, or undefined where the path leads nowhere. */
function valueAt(input: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined), input);
}

function describeIssue(issue: z.ZodIssue, location: InputLocation, input: unknown): string {
  const field = issue.path.join('.');
  const where = location === 'body' ? 'the request body' : `the ${location}`;
  if (issue.code === 'invalid_type' && issue.received === 'nan') {
    // Zod reports text that is not a number as NaN, so the message quotes the text the caller sent.
    return `Invalid value for "${field}" in ${where}: ${JSON.stringify(valueAt(input, issue.path))} is not a number.`;
  }
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `"${key}"`).join(', ');
    return `Unknown field ${names} in ${where}; remove it.`;
  }
  if (issue.code === 'invalid_type' && issue.received === 'undefined') {
    return `Missing required field "${field}" in ${where}.`;
  }
  if (issue.code === 'invalid_type' && field === '') {
    return `Expected ${where} to be a JSON ${issue.expected}, received ${issue.received}.`;
  }
  const message = issue.message.replace(/\.$/, '');
  return field === '' ? `${where[0].toUpperCase()}${where.slice(1)} is invalid: ${message}.` : `Invalid value for "${field}" in ${where}: ${message}.`;
}

/**
 * Parses one request input with a zod schema. On failure the message names the field and the
 * problem, so the API can respond 400 with a sentence the caller can act on.
 */
export function parseInput<S extends z.ZodTypeAny>(schema: S, value: unknown, location: InputLocation): ParsedInput<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) {
    return { ok: true, data: result.data };
  }
  return { ok: false, message: result.error.issues.map((issue) => describeIssue(issue, location, value)).join(' ') };
}

/** The zod schemas of a request's inputs; an input without a schema is not read. */
export interface RequestSchemas {
  params?: z.ZodTypeAny;
  query?: z.ZodTypeAny;
  body?: z.ZodTypeAny;
}

/** The parsed inputs, typed by their schemas. */
export type ParsedRequest<S extends RequestSchemas> = { [K in keyof S]: S[K] extends z.ZodTypeAny ? z.output<S[K]> : never };

const LOCATIONS = { params: 'path', query: 'query', body: 'body' } as const;

/**
 * Parses the path parameters, query and body of a request, each with its schema. A missing body
 * parses as `{}`. On failure the message lists every problem, naming the field of each.
 */
export function parseRequest<S extends RequestSchemas>(req: Request, schemas: S): ParsedInput<ParsedRequest<S>> {
  const data: Record<string, unknown> = {};
  const messages: string[] = [];
  for (const key of ['params', 'query', 'body'] as const) {
    const schema = schemas[key];
    if (!schema) {
      continue;
    }
    const value: unknown = key === 'body' ? (req.body ?? {}) : req[key];
    const parsed = parseInput(schema, value, LOCATIONS[key]);
    if (parsed.ok) {
      data[key] = parsed.data;
    } else {
      messages.push(parsed.message);
    }
  }
  if (messages.length > 0) {
    return { ok: false, message: messages.join(' ') };
  }
  return { ok: true, data: data as ParsedRequest<S> };
}
