import { argumentError } from './api-error';

/** ISO-8601 date or date-time. A time without an offset is read as UTC. */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Throws a 400 ArgumentError for the first parameter that the endpoint does not take.
 * NOTE: Clio may ignore unknown parameters. The sandbox rejects them, so a client cannot rely on
 * a parameter or filter that the sandbox would silently skip.
 */
export function rejectUnknownParams(params: URLSearchParams, allowed: readonly string[], endpoint: string): void {
  for (const name of params.keys()) {
    if (!allowed.includes(name)) {
      throw argumentError(`The sandbox's ${endpoint} does not take the parameter "${name}"; it takes ${allowed.join(', ')}.`);
    }
  }
}

/** Returns the single value of a parameter, or null when absent. A repeated parameter is a 400. */
export function readSingle(params: URLSearchParams, name: string): string | null {
  const values = params.getAll(name);
  if (values.length > 1) throw argumentError(`The parameter "${name}" is given ${values.length} times; give it once.`);
  return values[0] ?? null;
}

/** Reads an integer parameter within [min, max], or returns null when absent. */
export function readInteger(params: URLSearchParams, name: string, min: number, max: number): number | null {
  const raw = readSingle(params, name);
  if (raw === null) return null;
  return parseInteger(raw, name, min, max);
}

/** Parses one integer parameter value within [min, max]. Anything else is a 400 naming the value. */
export function parseInteger(raw: string, name: string, min: number, max: number): number {
  const value = /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
    throw argumentError(`Invalid ${name} "${raw}": expected ${range}.`);
  }
  return value;
}

/**
 * Reads an ISO-8601 timestamp parameter as Unix milliseconds, or returns null when absent. A
 * space where `+` was meant (an offset sent without URL encoding) is rejected with a hint.
 */
export function readTimestamp(params: URLSearchParams, name: string): number | null {
  const raw = readSingle(params, name);
  if (raw === null) return null;
  const match = ISO_8601.exec(raw);
  if (!match) {
    const hint = / \d{2}:?\d{2}$/.test(raw) ? ' Encode "+" in the offset as %2B.' : '';
    throw argumentError(`Invalid ${name} "${raw}": expected an ISO-8601 timestamp such as 2024-05-01T13:45:12Z.${hint}`);
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00', offset = 'Z'] = match;
  const fractional = /\.(\d+)/.exec(raw.slice(10))?.[1];
  const milliseconds = fractional ? `.${fractional.slice(0, 3).padEnd(3, '0')}` : '';
  const normalizedOffset = offset === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${milliseconds}${normalizedOffset}`);
  if (Number.isNaN(ms)) throw argumentError(`Invalid ${name} "${raw}": not a real date or time.`);
  return ms;
}

/** Reads a repeated integer parameter such as `ids[]`, or returns null when absent. */
export function readIdList(params: URLSearchParams, name: string): Set<number> | null {
  const values = params.getAll(name);
  if (values.length === 0) return null;
  return new Set(values.map((raw) => parseInteger(raw, name, 1, Number.MAX_SAFE_INTEGER)));
}

/** Reads a boolean parameter written `true` or `false`, or returns null when absent. */
export function readBoolean(params: URLSearchParams, name: string): boolean | null {
  const raw = readSingle(params, name);
  if (raw === null) return null;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw argumentError(`Invalid ${name} "${raw}": expected true or false.`);
}
