import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../../../../../../app-deps';
import { findAccessibleFirm, requesterOf, settingsPath } from '../../../../../../firm-access';
import { CSRF_FIELD } from '../../../../../../middleware/csrf';
import { renderErrorPage } from '../../../../../../pages/error-page';
import { requireCaller } from '../../../../../../request-context';
import { emptyObjectSchema, firmParamsSchema } from '../../../../../../schemas';
import { parseRequest } from '../../../../../../validation';

const bodySchema = z.object({ [CSRF_FIELD]: z.string() }).strict();

/**
 * POST /firms/:firmId/settings/integrations/clio/activate and …/deactivate: the staff buttons on
 * the settings page. The CSRF middleware has checked the form's token. On success the browser
 * returns to the settings page with a notice; a rejection shows its sentence.
 */
export function setActivation(deps: Pick<RouteDeps, 'integrations'>, action: 'activate' | 'deactivate'): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, { params: firmParamsSchema, query: emptyObjectSchema, body: bodySchema });
    if (!input.ok) {
      renderErrorPage(res, 'invalid_request', input.message);
      return;
    }

    const caller = requireCaller(req);
    const firm = await findAccessibleFirm(caller, input.data.params.firmId);
    if (!firm) {
      renderErrorPage(res, 'firm_not_found');
      return;
    }
    if (caller.role !== 'staff') {
      renderErrorPage(res, 'forbidden', `Only CaseBridge staff can ${action} an integration.`);
      return;
    }

    const result = await deps.integrations[action](firm.id, requesterOf(caller));

    if (!result.ok) {
      renderErrorPage(res, result.rejection.code, result.rejection.message);
      return;
    }
    const notice = action === 'activate' ? 'activated' : 'deactivated';
    res.redirect(303, `${settingsPath(firm.id)}?notice=${notice}`);
  };
}
