import { Router, type NextFunction, type Request, type Response } from 'express';
import type { SandboxStore } from '../store/sandbox-store';
import { ApiError, sendApiError } from './api-error';
import { checkApiVersion } from './api-version';
import { createAuthentication } from './authenticate';
import { createFaultInjection } from './fault-injection';
import { getContact } from './handlers/get-contact';
import { getMatter } from './handlers/get-matter';
import { getWhoAmI } from './handlers/get-who-am-i';
import { listContacts } from './handlers/list-contacts';
import { listCustomFields } from './handlers/list-custom-fields';
import { listMatterStages } from './handlers/list-matter-stages';
import { listMatters } from './handlers/list-matters';
import { listPracticeAreas } from './handlers/list-practice-areas';
import { listUsers } from './handlers/list-users';
import { createRateLimit } from './rate-limit';

/** Routes of API v4 that the sandbox serves, as `METHOD /path` relative to /api/v4. */
export const API_ROUTES = [
  'GET /users/who_am_i.json',
  'GET /users.json',
  'GET /matters.json',
  'GET /matters/{id}.json',
  'GET /contacts.json',
  'GET /contacts/{id}.json',
  'GET /practice_areas.json',
  'GET /matter_stages.json',
  'GET /custom_fields.json',
] as const;

/**
 * Builds the router mounted at /{region}/api/v4. Every request passes the version check, then
 * authentication, then the rate limit, then the account's injected faults, in that order.
 */
export function createApiRouter(store: SandboxStore): Router {
  const router = Router({ mergeParams: true });
  router.use(checkApiVersion);
  router.use(createAuthentication(store));
  router.use(createRateLimit(store));
  router.use(createFaultInjection(store));

  router.get('/users/who_am_i.json', getWhoAmI);
  router.get('/users.json', listUsers);
  router.get('/matters.json', listMatters);
  router.get('/matters/:id.json', getMatter);
  router.get('/contacts.json', listContacts);
  router.get('/contacts/:id.json', getContact);
  router.get('/practice_areas.json', listPracticeAreas);
  router.get('/matter_stages.json', listMatterStages);
  router.get('/custom_fields.json', listCustomFields);

  router.use((req: Request, res: Response) => {
    sendApiError(res, new ApiError(404, 'NotFound', `The sandbox does not serve ${req.method} ${req.path}; it serves ${API_ROUTES.join(', ')}.`));
  });
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof ApiError) sendApiError(res, error);
    else next(error);
  });
  return router;
}
