import { Router } from 'express';
import type { RouteDeps } from '../app-deps';
import { authenticateApi } from '../middleware/authenticate';
import { apiRouteNotFound, handleApiError } from '../middleware/error-handlers';
import { parseJsonBody } from '../middleware/json-body';
import { limitApiRequestsByAddress, limitApiRequestsByCaller } from '../middleware/rate-limit';
import { activateIntegration } from './api/firms/firmId/integrations/clio/activate-integration';
import { deactivateIntegration } from './api/firms/firmId/integrations/clio/deactivate-integration';
import { disconnectIntegration } from './api/firms/firmId/integrations/clio/disconnect-integration';
import { getIntegration } from './api/firms/firmId/integrations/clio/get-integration';
import { syncAllProjects } from './api/firms/firmId/integrations/clio/sync-all-projects';
import { getMapping } from './api/firms/firmId/mapping/get-mapping';
import { getMappingOptions } from './api/firms/firmId/mapping/options/get-mapping-options';
import { saveMapping } from './api/firms/firmId/mapping/save-mapping';
import { getNotificationSettings } from './api/firms/firmId/notifications/get-notification-settings';
import { listNotifications } from './api/firms/firmId/notifications/list-notifications';
import { updateNotificationSettings } from './api/firms/firmId/notifications/update-notification-settings';
import { explainProjectNotifications } from './api/firms/firmId/projects/clioMatterId/explain/explain-project-notifications';
import { updateNotificationToggles } from './api/firms/firmId/projects/clioMatterId/notification-toggles/update-notification-toggles';
import { getProject } from './api/firms/firmId/projects/clioMatterId/get-project';
import { listProjects } from './api/firms/firmId/projects/list-projects';
import { syncProject } from './api/firms/firmId/projects/sync-project';
import { listSyncRuns } from './api/firms/firmId/sync-runs/list-sync-runs';
import { getSyncRun } from './api/firms/firmId/sync-runs/syncRunId/get-sync-run';
import { getOpenApiDocument } from './api/get-openapi-document';

/**
 * Creates the JSON API mounted at /api: rate limits per client address and per token, token or
 * session authentication, JSON bodies of at most 100 kB. GET /api/openapi.json needs no token.
 */
export function createApiRouter(deps: RouteDeps): Router {
  const router = Router();
  router.use(limitApiRequestsByAddress(deps.config, deps.now));
  router.get('/openapi.json', getOpenApiDocument(deps));
  router.use(authenticateApi(deps.now));
  router.use(limitApiRequestsByCaller(deps.config, deps.now));
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
  router.get(`${firm}/projects/:clioMatterId/explain`, explainProjectNotifications());
  router.put(`${firm}/projects/:clioMatterId/notification-toggles`, updateNotificationToggles());
  router.get(`${firm}/notifications`, listNotifications());
  router.get(`${firm}/notifications/settings`, getNotificationSettings());
  router.put(`${firm}/notifications/settings`, updateNotificationSettings());
  router.get(`${firm}/mapping`, getMapping());
  router.put(`${firm}/mapping`, saveMapping(deps));
  router.get(`${firm}/mapping/options`, getMappingOptions(deps));

  router.use(apiRouteNotFound());
  router.use(handleApiError());
  return router;
}
