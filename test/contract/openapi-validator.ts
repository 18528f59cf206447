import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** A JSON Schema or OpenAPI schema object. */
type SchemaObject = Record<string, unknown>;

/** The parts of an OpenAPI 3.0 document that the validator reads. */
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: SchemaObject }> }> }>>;
  components: { schemas: Record<string, SchemaObject> };
}

const SPEC_PATH = path.join(__dirname, '..', '..', 'sandbox', 'contract', 'openapi-v4.json');
const SCHEMA_ID = 'clio-api-v4';
const COMPONENT_PREFIX = '#/components/schemas/';

/** Converts one OpenAPI schema to JSON Schema draft-07: component refs point into SCHEMA_ID, and optional properties may be null. */
function convertSchema(schema: SchemaObject): SchemaObject {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    if (!ref.startsWith(COMPONENT_PREFIX)) throw new Error(`Unsupported $ref ${ref}: only component schemas are resolved.`);
    return { $ref: `${SCHEMA_ID}#/definitions/${ref.slice(COMPONENT_PREFIX.length)}` };
  }

  const converted: SchemaObject = {};
  for (const keyword of ['type', 'format', 'enum', 'required'] as const) {
    if (schema[keyword] !== undefined) converted[keyword] = schema[keyword];
  }
  if (isSchema(schema.items)) converted.items = convertSchema(schema.items);
  if (Array.isArray(schema.allOf)) converted.allOf = schema.allOf.filter(isSchema).map(convertSchema);

  const properties = schema.properties;
  if (isSchema(properties)) {
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    converted.properties = Object.fromEntries(
      Object.entries(properties)
        .filter((entry): entry is [string, SchemaObject] => isSchema(entry[1]))
        .map(([name, property]) => {
          const propertySchema = convertSchema(property);
          // Clio sends null for empty values although the description marks nothing nullable.
          return [name, required.has(name) ? propertySchema : { anyOf: [propertySchema, { type: 'null' }] }];
        }),
    );
  }
  return converted;
}

function isSchema(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rangeFormat(min: number, max: number) {
  return { type: 'number' as const, validate: (value: number) => Number.isInteger(value) && value >= min && value <= max };
}

const finiteNumber = { type: 'number' as const, validate: (value: number) => Number.isFinite(value) };

/**
 * Validates bodies against the schemas of Clio's OpenAPI description of API v4. Unknown properties
 * are allowed, properties that a schema does not require may be null, and the numeric formats
 * int32, int64, float, double and decimal are checked as ranges of JSON numbers.
 */
export class ClioContract {
  private readonly document: OpenApiDocument;
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(specPath: string = SPEC_PATH) {
    this.document = JSON.parse(readFileSync(specPath, 'utf8')) as OpenApiDocument;
    this.ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(this.ajv, ['date', 'date-time']);
    this.ajv.addFormat('int32', rangeFormat(-(2 ** 31), 2 ** 31 - 1));
    this.ajv.addFormat('int64', rangeFormat(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
    for (const format of ['float', 'double', 'decimal']) this.ajv.addFormat(format, finiteNumber);

    const definitions = Object.fromEntries(Object.entries(this.document.components.schemas).map(([name, schema]) => [name, convertSchema(schema)]));
    this.ajv.addSchema({ $id: SCHEMA_ID, definitions });
  }

  /** Returns the name of the component schema of a documented response, such as `Matter_List`, or throws when the spec has none. */
  responseSchemaName(apiPath: string, method: string, status: number): string {
    const response = this.document.paths[apiPath]?.[method.toLowerCase()]?.responses?.[String(status)];
    const ref = Object.values(response?.content ?? {})[0]?.schema?.$ref;
    if (typeof ref !== 'string') throw new Error(`The spec documents no JSON body for ${method.toUpperCase()} ${apiPath} ${status}.`);
    return ref.slice(COMPONENT_PREFIX.length);
  }

  /** Returns a validator for a component schema, such as `Error`. */
  validatorFor(schemaName: string): ValidateFunction {
    if (!Object.hasOwn(this.document.components.schemas, schemaName)) throw new Error(`The spec has no component schema ${schemaName}.`);
    let validate = this.cache.get(schemaName);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SCHEMA_ID}#/definitions/${schemaName}` });
      this.cache.set(schemaName, validate);
    }
    return validate;
  }

  /** Validates a body against a component schema and returns the errors as readable lines, empty when it is valid. */
  check(schemaName: string, body: unknown): string[] {
    const validate = this.validatorFor(schemaName);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`);
  }
}

/**
 * Validates an OAuth 2.0 error body (RFC 6749, section 5.2, and RFC 6750, section 3): `error` is a
 * code of printable ASCII without `"` and `\`, and `error_description` is a human-readable string.
 */
export function checkOAuthError(body: unknown): string[] {
  const validate = oauthErrorValidator();
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`);
}

let compiledOAuthError: ValidateFunction | undefined;

function oauthErrorValidator(): ValidateFunction {
  compiledOAuthError ??= new Ajv({ allErrors: true, strict: true }).compile({
    type: 'object',
    required: ['error', 'error_description'],
    properties: {
      error: { type: 'string', pattern: '^[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+$' },
      error_description: { type: 'string', pattern: '^[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+$' },
      error_uri: { type: 'string' },
    },
  });
  return compiledOAuthError;
}
