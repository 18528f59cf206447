import type { Config } from '../../lib/config';
import { activateIntegrationRequest } from '../routes/api/firms/firmId/integrations/clio/activate-integration';
import { deactivateIntegrationRequest } from '../routes/api/firms/firmId/integrations/clio/deactivate-integration';
import { disconnectIntegrationRequest } from '../routes/api/firms/firmId/integrations/clio/disconnect-integration';
import { getIntegrationRequest } from '../routes/api/firms/firmId/integrations/clio/get-integration';
import { syncAllProjectsRequest } from '../routes/api/firms/firmId/integrations/clio/sync-all-projects';
import { getProjectRequest } from '../routes/api/firms/firmId/projects/clioMatterId/get-project';
import { listProjectsRequest } from '../routes/api/firms/firmId/projects/list-projects';
import { syncProjectRequest } from '../routes/api/firms/firmId/projects/sync-project';
import { listSyncRunsRequest } from '../routes/api/firms/firmId/sync-runs/list-sync-runs';
import { getSyncRunRequest } from '../routes/api/firms/firmId/sync-runs/syncRunId/get-sync-run';
import { emptyObjectSchema } from '../schemas';
import type { RequestSchemas } from '../validation';
import { listMappingOperations } from './mapping-operations';
import { listNotificationOperations } from './notification-operations';
import { FIRM_ERRORS, WORKFLOW_ERRORS, type ApiOperation } from './operation';
import * as responses from './response-schemas';

/** Schemas of GET /api/openapi.json, whose handler imports the document builder and so cannot export them itself. */
export const getOpenApiDocumentRequest = { query: emptyObjectSchema, body: emptyObjectSchema } satisfies RequestSchemas;

/**
 * Lists every route of the JSON API with the request schemas its handler parses. A route added to
 * api-router.ts belongs here too, or in a list this one includes; test/api/openapi.test.ts fails
 * until it is.
 */
export function listApiOperations(config: Config): ApiOperation[] {
  return [...listCoreOperations(config), ...listMappingOperations(), ...listNotificationOperations()];
}

function listCoreOperations(config: Config): ApiOperation[] {
  const firm = '/firms/:firmId';
  return [
    {
      method: 'get', path: '/openapi.json', operationId: 'getOpenApiDocument', summary: 'This OpenAPI document.',
      request: getOpenApiDocumentRequest, success: { status: 200, description: 'The OpenAPI 3.0 document of the JSON API.', schema: responses.openApiDocumentSchema },
      errors: [], authenticated: false,
    },
    {
      method: 'get', path: `${firm}/integrations/clio`, operationId: 'getIntegration', summary: 'The Clio integration as the tile shows it.',
      request: getIntegrationRequest, success: { status: 200, description: 'The integration state.', schema: responses.integrationViewSchema },
      errors: FIRM_ERRORS,
    },
    {
      method: 'post', path: `${firm}/integrations/clio/activate`, operationId: 'activateIntegration', summary: 'Staff only: Connected, Inactive → Active.',
      request: activateIntegrationRequest, success: { status: 200, description: 'The integration is Active.', schema: responses.integrationStatusSchema },
      errors: ['forbidden', ...WORKFLOW_ERRORS],
    },
    {
      method: 'post', path: `${firm}/integrations/clio/deactivate`, operationId: 'deactivateIntegration', summary: 'Staff only: Active → Connected, Inactive.',
      request: deactivateIntegrationRequest, success: { status: 200, description: 'The integration is Connected, Inactive.', schema: responses.integrationStatusSchema },
      errors: ['forbidden', ...WORKFLOW_ERRORS],
    },
    {
      method: 'post', path: `${firm}/integrations/clio/sync`, operationId: 'syncAllProjects', summary: 'Queues a sync of all the firm\'s matters.',
      request: syncAllProjectsRequest, success: { status: 202, description: 'The sync run that will serve the request.', schema: responses.syncAcceptedSchema },
      errors: WORKFLOW_ERRORS,
    },
    {
      method: 'post', path: `${firm}/integrations/clio/disconnect`, operationId: 'disconnectIntegration', summary: 'Revokes the Clio grant, deletes the tokens and ends the workflow.',
      request: disconnectIntegrationRequest, success: { status: 200, description: 'The integration is Not connected.', schema: responses.integrationStatusSchema },
      errors: WORKFLOW_ERRORS,
    },
    {
      method: 'post', path: `${firm}/projects/sync`, operationId: 'syncProject', summary: 'Queues a sync of one matter\'s project.',
      request: syncProjectRequest(config), success: { status: 202, description: 'The sync run that will serve the request.', schema: responses.syncAcceptedSchema },
      errors: WORKFLOW_ERRORS,
    },
    {
      method: 'get', path: `${firm}/projects`, operationId: 'listProjects', summary: 'One page of the firm\'s projects, by Clio matter id.',
      request: listProjectsRequest, success: { status: 200, description: 'The projects, without their raw Clio snapshots.', schema: responses.projectListSchema },
      errors: FIRM_ERRORS,
    },
    {
      method: 'get', path: `${firm}/projects/:clioMatterId`, operationId: 'getProject', summary: 'One project with its raw Clio snapshot.',
      request: getProjectRequest, success: { status: 200, description: 'The project.', schema: responses.projectSchema },
      errors: [...FIRM_ERRORS, 'project_not_found'],
    },
    {
      method: 'get', path: `${firm}/sync-runs`, operationId: 'listSyncRuns', summary: 'The firm\'s latest sync runs, newest first.',
      request: listSyncRunsRequest, success: { status: 200, description: 'The sync runs.', schema: responses.syncRunListSchema },
      errors: FIRM_ERRORS,
    },
    {
      method: 'get', path: `${firm}/sync-runs/:syncRunId`, operationId: 'getSyncRun', summary: 'One sync run with its counts and progress.',
      request: getSyncRunRequest, success: { status: 200, description: 'The sync run.', schema: responses.syncRunSchema },
      errors: [...FIRM_ERRORS, 'sync_run_not_found'],
    },
  ];
}
