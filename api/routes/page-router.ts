import { Router } from 'express';
import type { RouteDeps } from '../app-deps';
import { authenticatePage } from '../middleware/authenticate';
import { verifyCsrfToken } from '../middleware/csrf';
import { handlePageError, pageRouteNotFound } from '../middleware/error-handlers';
import { parseFormBody } from '../middleware/json-body';
import { startClioAuthorization } from './firms/firmId/integrations/clio/connect/start-clio-authorization';
import { setActivation } from './firms/firmId/settings/integrations/clio/set-activation';
import { getIntegrationSettings } from './firms/firmId/settings/integrations/get-integration-settings';
import { getHome } from './get-home';
import { finishClioAuthorization } from './oauth/clio/callback/finish-clio-authorization';
import { showSignInForm } from './sign-in/show-sign-in-form';
import { signInWithPassword } from './sign-in/sign-in-with-password';
import { openSignInLink } from './sign-in/token/open-sign-in-link';
import { signOut } from './sign-out/sign-out';
import { getStaffConsole } from './staff/get-staff-console';

/** Creates the server-rendered pages, the sign-in links and the Clio OAuth routes. */
export function createPageRouter(deps: RouteDeps): Router {
  const router = Router();
  const signedIn = authenticatePage();
  const form = [parseFormBody(), verifyCsrfToken()];

  router.get('/', getHome());
  router.get('/sign-in', showSignInForm(deps));
  router.post('/sign-in', parseFormBody(), signInWithPassword(deps));
  router.get('/sign-in/:token', openSignInLink(deps));
  router.post('/sign-out', form, signOut());
  router.get('/staff', signedIn, getStaffConsole());

  const settings = '/firms/:firmId/settings/integrations';
  router.get(settings, signedIn, getIntegrationSettings());
  router.post(`${settings}/clio/activate`, signedIn, form, setActivation(deps, 'activate'));
  router.post(`${settings}/clio/deactivate`, signedIn, form, setActivation(deps, 'deactivate'));
  router.get('/firms/:firmId/integrations/clio/connect', signedIn, startClioAuthorization(deps));
  router.get('/oauth/clio/callback', finishClioAuthorization(deps));

  router.use(pageRouteNotFound());
  router.use(handlePageError());
  return router;
}
