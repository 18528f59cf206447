import { Router } from 'express';
import type { RouteDeps } from '../app-deps';
import { authenticateApi } from '../middleware/authenticate';
import { apiRouteNotFound, handleApiError } from '../middleware/error-handlers';
import { parseJsonBody } from '../middleware/json-body';
import { activateIntegration } from './api/firms/firmId/integrations/clio/activate-integration';
import { deactivateIntegration } from './api/firms/firmId/integrations/clio/deactivate-integration';
import { disconnectIntegration } from './api/firms/firmId/integrations/clio/disconnect-integration';
import { getIntegration } from './api/firms/firmId/integrations/clio/get-integration';
import { syncAllProjects } from './api/firms/firmId/integrations/clio/sync-all-projects';
import { getProject } from './api/firms/firmId/projects/clioMatterId/get-project';
import { listProjects } from './api/firms/firmId/projects/list-projects';
import { syncProject } from './api/firms/firmId/projects/sync-project';
import { listSyncRuns } from './api/firms/firmId/sync-runs/list-sync-runs';
import { getSyncRun } from './api/firms/firmId/sync-runs/syncRunId/get-sync-run';

/** Creates the JSON API mounted at /api: token or session authentication, JSON bodies of at most 100 kB. */
export function createApiRouter(deps: RouteDeps): Router {
  const router = Router();
  router.use(authenticateApi(deps.now));
  router.use(parseJsonBody());

  const firm = '/firms/:firmId';
  router.get(`${firm}/integrations/clio`, getIntegration());
  router.post(`${firm}/integrations/clio/activate`, activateIntegration(deps));
  router.post(`${firm}/integrations/clio/deactivate`, deactivateIntegration(deps));
  router.post(`${firm}/integrations/clio/sync`, syncAllProjects(deps));
  router.post(`${firm}/integrations/clio/disconnect`, disconnectIntegration(deps));
  router.post(`${firm}/projects/sync`, syncProject(deps));
  router.get(`${firm}/projects`, listProjects());
  router.get(`${firm}/projects/:clioMatterId`, getProject());
  router.get(`${firm}/sync-runs`, listSyncRuns());
  router.get(`${firm}/sync-runs/:syncRunId`, getSyncRun());

  router.use(apiRouteNotFound());
  router.use(handleApiError());
  return router;
}
