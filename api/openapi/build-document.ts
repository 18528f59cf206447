import { OpenAPIRegistry, OpenApiGeneratorV3, extendZodWithOpenApi, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z, type AnyZodObject } from 'zod';
import type { Config } from '../../lib/config';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors';
import { listApiOperations } from './api-operations';
import type { ApiOperation } from './operation';
import { errorBodySchema } from './response-schemas';

// zod-to-openapi reads its metadata through a method it adds to zod's schema classes.
extendZodWithOpenApi(z);

/** The OpenAPI document as JSON; the generator's own types are not exported. */
export type OpenApiDocument = ReturnType<OpenApiGeneratorV3['generateDocument']>;

/** Name of the security scheme for `Authorization: Bearer cb_…`. */
const API_TOKEN_SCHEME = 'apiToken';

/** Errors any authenticated route can return, before its handler runs. */
const AUTHENTICATED_ERRORS: ErrorCode[] = ['invalid_request', 'unauthorized', 'rate_limited'];

/** Errors of reading a JSON body, for routes that take one. */
const BODY_ERRORS: ErrorCode[] = ['malformed_json', 'payload_too_large', 'unsupported_media_type'];

/** Converts an Express path below /api, such as /firms/:firmId, to an OpenAPI path such as /api/firms/{firmId}. */
export function toOpenApiPath(expressPath: string): string {
  return `/api${expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

function errorCodesOf(operation: ApiOperation): ErrorCode[] {
  const common = operation.authenticated === false ? ['invalid_request', 'rate_limited'] as ErrorCode[] : AUTHENTICATED_ERRORS;
  const body = operation.method === 'get' ? [] : BODY_ERRORS;
  return [...new Set([...common, ...body, ...operation.errors])];
}

/** Groups error codes by HTTP status, with one response per status listing its codes. */
function errorResponses(codes: ErrorCode[], errorSchema: z.ZodTypeAny): Record<string, ResponseConfig> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_CATALOGUE[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const result: Record<string, ResponseConfig> = {};
  for (const [status, grouped] of [...byStatus.entries()].sort(([a], [b]) => a - b)) {
    const lines = grouped.map((code) => `\`${code}\`: ${ERROR_CATALOGUE[code].message}`);
    const headers = status === 429 ? { 'Retry-After': { description: 'Seconds to wait before the next request.', schema: { type: 'integer' as const } } } : undefined;
    result[String(status)] = { description: lines.join('\n\n'), headers, content: { 'application/json': { schema: errorSchema } } };
  }
  return result;
}

function toRouteConfig(operation: ApiOperation, errorSchema: z.ZodTypeAny): RouteConfig {
  const { params, query, body } = operation.request;
  const takesBody = operation.method !== 'get' && body !== undefined;
  return {
    method: operation.method,
    path: toOpenApiPath(operation.path),
    operationId: operation.operationId,
    summary: operation.summary,
    security: operation.authenticated === false ? [] : [{ [API_TOKEN_SCHEME]: [] }],
    request: {
      params: params as AnyZodObject | undefined,
      query: query as AnyZodObject | undefined,
      body: takesBody ? { required: !body.safeParse({}).success, content: { 'application/json': { schema: body } } } : undefined,
    },
    responses: {
      [String(operation.success.status)]: { description: operation.success.description, content: { 'application/json': { schema: operation.success.schema } } },
      ...errorResponses(errorCodesOf(operation), errorSchema),
    },
  };
}

/**
 * Builds the OpenAPI 3.0 document of the JSON API from the zod schemas its handlers parse requests
 * with. Unknown fields are rejected by those schemas, which the document states as
 * `additionalProperties: false`; unknown query parameters are rejected too, which OpenAPI 3.0
 * cannot state.
 */
export function buildOpenApiDocument(config: Config): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', API_TOKEN_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from `npm run cli -- create-token`, sent as `Authorization: Bearer cb_…`. A browser session cookie works too.',
  });
  const errorSchema = registry.register('Error', errorBodySchema);
  for (const operation of listApiOperations(config)) {
    registry.registerPath(toRouteConfig(operation, errorSchema));
  }

  const generator = new OpenApiGeneratorV3(registry.definitions);
  return generator.generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'CaseBridge API',
      version: '1',
      description: 'Connects a law firm\'s Clio Manage account to CaseBridge. Errors are `{"error":{"code","message","requestId"}}`.',
    },
    servers: [{ url: config.PUBLIC_URL.replace(/\/+$/, '') }],
  });
}
