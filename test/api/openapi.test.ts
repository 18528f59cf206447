import request from 'supertest';
import { listApiOperations } from '../../api/openapi/api-operations';
import { toOpenApiPath } from '../../api/openapi/build-document';
import { listProjectsRequest } from '../../api/routes/api/firms/firmId/projects/list-projects';
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { listApiRoutes } from './support/router-routes';

let harness: ApiHarness;
let document: any;

beforeAll(async () => {
  harness = await startApiHarness('openapi');
  document = (await request(harness.url).get('/api/openapi.json').expect(200)).body;
});

afterAll(async () => {
  await harness?.stop();
});

describe('OpenAPI document', () => {
  test('is served without a token', async () => {
    const response = await request(harness.url).get('/api/openapi.json');

    expect(response.status).toBe(200);
    expect(response.type).toBe('application/json');
    expect(response.body.openapi).toBe('3.0.3');
  });

  test('lists every route of the API router', () => {
    const routes = listApiRoutes(harness.config);
    const missing = routes.filter((route) => document.paths[toOpenApiPath(route.path)]?.[route.method] === undefined);

    expect(routes.length).toBeGreaterThanOrEqual(11);
    expect(missing).toEqual([]);
  });

  test('lists no route the router lacks', () => {
    const mounted = new Set(listApiRoutes(harness.config).map((route) => `${route.method} ${toOpenApiPath(route.path)}`));
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item as object).map((method) => `${method} ${path}`));

    expect(documented.filter((entry) => !mounted.has(entry))).toEqual([]);
  });

  test('has unique operation ids', () => {
    const ids = listApiOperations(harness.config).map((operation) => operation.operationId);

    expect(new Set(ids).size).toBe(ids.length);
  });

  test('uses the handlers own schemas', () => {
    const operation = listApiOperations(harness.config).find((candidate) => candidate.operationId === 'listProjects');

    expect(operation?.request).toBe(listProjectsRequest);
  });

  test('states query bounds from the schemas', () => {
    const parameters = document.paths['/api/firms/{firmId}/projects'].get.parameters;
    const limit = parameters.find((parameter: any) => parameter.name === 'limit');

    expect(limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } });
  });

  test('states the firm id pattern', () => {
    const parameters = document.paths['/api/firms/{firmId}/integrations/clio'].get.parameters;
    const firmId = parameters.find((parameter: any) => parameter.name === 'firmId');

    expect(firmId).toMatchObject({ in: 'path', required: true, schema: { type: 'string', pattern: expect.any(String) } });
  });

  test('bodies reject unknown fields', () => {
    const writes = Object.values(document.paths).flatMap((item: any) => [item.post, item.put]).filter(Boolean);
    const schemas = writes.map((operation: any) => operation.requestBody.content['application/json'].schema);

    expect(schemas.length).toBeGreaterThanOrEqual(5);
    for (const schema of schemas) {
      expect(schema.additionalProperties).toBe(false);
    }
  });

  test('project sync requires matterId', () => {
    const body = document.paths['/api/firms/{firmId}/projects/sync'].post.requestBody;

    expect(body.required).toBe(true);
    expect(body.content['application/json'].schema.required).toEqual(['matterId']);
  });

  test('errors reference the catalogue schema', () => {
    const responses = document.paths['/api/firms/{firmId}/projects/{clioMatterId}'].get.responses;

    expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '404', '429']);
    expect(responses['404'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(responses['404'].description).toContain('`project_not_found`');
    expect(document.components.schemas.Error.properties.error.properties.code.enum).toContain('rate_limited');
  });

  test('requires the API token except on itself', () => {
    expect(document.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/api/firms/{firmId}/projects'].get.security).toEqual([{ apiToken: [] }]);
    expect(document.paths['/api/openapi.json'].get.security).toEqual([]);
  });

  test('names PUBLIC_URL as the server', () => {
    expect(document.servers).toEqual([{ url: harness.config.PUBLIC_URL }]);
  });
});
