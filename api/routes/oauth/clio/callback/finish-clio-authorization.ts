import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../../../../app-deps';
import { findAccessibleFirm, settingsPath } from '../../../../firm-access';
import { findSessionUser } from '../../../../middleware/authenticate';
import { completeClioConnection, type ConnectionOutcome } from '../../../../oauth/complete-connection';
import { exchangeAuthorizationCode } from '../../../../oauth/exchange-code';
import { consumeOAuthState } from '../../../../oauth/oauth-state';
import { renderErrorPage } from '../../../../pages/error-page';
import type { NoticeCode } from '../../../../pages/notices';
import { saveSession } from '../../../../session-helpers';
import { parseRequest } from '../../../../validation';

/**
 * Clio controls this query, so parameters other than these are ignored rather than rejected:
 * an extra one added by Clio must not break connecting.
 */
const querySchema = z.object({
  code: z.string().max(2048).optional(),
  state: z.string().max(256).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});

const NOTICE_BY_OUTCOME: Record<ConnectionOutcome, NoticeCode> = {
  connected: 'connected',
  pending: 'connect_pending',
  failed: 'connect_failed',
};

/**
 * GET /oauth/clio/callback: where Clio sends the admin after the consent page. The state must be
 * one this session started, unused and under 10 minutes old; otherwise the request is rejected
 * before any token request. A declined consent or a failed exchange changes nothing and returns
 * to the settings page with a notice. Neither the code nor a token is logged.
 */
export function finishClioAuthorization(deps: RouteDeps): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, { query: querySchema });
    if (!input.ok) {
      renderErrorPage(res, 'invalid_request', input.message);
      return;
    }

    const pending = consumeOAuthState(req.session, input.data.query.state, deps.now());
    if (!pending) {
      req.log.warn({ hasState: Boolean(input.data.query.state) }, 'OAuth callback with a missing, unknown, used or expired state');
      renderErrorPage(res, 'invalid_oauth_state');
      return;
    }
    await saveSession(req);
    const user = await findSessionUser(req);
    const firm = user ? await findAccessibleFirm(user, pending.firmId) : null;
    if (!firm) {
      renderErrorPage(res, 'firm_not_found');
      return;
    }

    const { firmId, region } = pending;
    const backToSettings = (notice: NoticeCode) => res.redirect(302, `${settingsPath(firmId)}?notice=${notice}`);
    const { code, error } = input.data.query;
    if (error === 'access_denied') {
      req.log.info({ firmId, region }, 'Clio access was not granted');
      backToSettings('access_denied');
      return;
    }
    if (error !== undefined || code === undefined) {
      req.log.warn({ firmId, region, clioError: error ?? 'no code' }, 'Clio returned no authorization code');
      backToSettings('connect_failed');
      return;
    }

    const exchange = await exchangeAuthorizationCode(deps.passport, region, req, res);
    if (!exchange.ok) {
      req.log.error({ firmId, region, ...exchange.failure }, 'exchanging the Clio authorization code failed');
      backToSettings('connect_failed');
      return;
    }
    const outcome = await completeClioConnection(deps, req.log, firmId, region, exchange.tokens);

    backToSettings(NOTICE_BY_OUTCOME[outcome]);
  };
}
