import type { RequestHandler } from 'express';
import { z } from 'zod';
import { CLIO_REGIONS } from '../../../../../../../lib/integration-status';
import type { RouteDeps } from '../../../../../../app-deps';
import { findAccessibleFirm } from '../../../../../../firm-access';
import { clioStrategyName } from '../../../../../../oauth/clio-strategies';
import { createOAuthState } from '../../../../../../oauth/oauth-state';
import { renderErrorPage } from '../../../../../../pages/error-page';
import { requireCaller } from '../../../../../../request-context';
import { firmParamsSchema } from '../../../../../../schemas';
import { saveSession } from '../../../../../../session-helpers';
import { parseRequest } from '../../../../../../validation';

const regionSchema = z.enum(CLIO_REGIONS, {
  errorMap: (_issue, context) => ({ message: `${JSON.stringify(context.data)} is not a Clio region; use us, eu, ca or au` }),
});

const querySchema = z.object({ region: regionSchema }).strict();

/**
 * GET /firms/:firmId/integrations/clio/connect?region=us|eu|ca|au: the Connect and Reconnect
 * buttons. Binds a new OAuth state to this session, firm and region, and redirects to the
 * region's Clio consent page.
 */
export function startClioAuthorization(deps: Pick<RouteDeps, 'passport' | 'now'>): RequestHandler {
  return async (req, res, next) => {
    const input = parseRequest(req, { params: firmParamsSchema, query: querySchema });
    if (!input.ok) {
      renderErrorPage(res, 'invalid_request', input.message);
      return;
    }

    const firm = await findAccessibleFirm(requireCaller(req), input.data.params.firmId);
    if (!firm) {
      renderErrorPage(res, 'firm_not_found');
      return;
    }

    const { region } = input.data.query;
    const state = createOAuthState(req.session, firm.id, region, deps.now());
    await saveSession(req);

    req.log.info({ firmId: firm.id, region }, 'redirecting to Clio for authorization');
    deps.passport.authenticate(clioStrategyName(region), { session: false, state })(req, res, next);
  };
}
