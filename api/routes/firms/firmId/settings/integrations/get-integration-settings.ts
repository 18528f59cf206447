import type { RequestHandler } from 'express';
import { z } from 'zod';
import { findAccessibleFirm } from '../../../../../firm-access';
import { loadIntegrationView } from '../../../../../integration-view';
import { renderErrorPage } from '../../../../../pages/error-page';
import { noticeSchema } from '../../../../../pages/notices';
import { renderSettingsPage } from '../../../../../pages/settings-page';
import { requireCaller } from '../../../../../request-context';
import { firmParamsSchema } from '../../../../../schemas';
import { csrfTokenOf } from '../../../../../session-helpers';
import { parseRequest } from '../../../../../validation';

const querySchema = z.object({ notice: noticeSchema }).strict();

/** GET /firms/:firmId/settings/integrations: Company Settings → Integrations, with the Clio tile. */
export function getIntegrationSettings(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, { params: firmParamsSchema, query: querySchema });
    if (!input.ok) {
      renderErrorPage(res, 'invalid_request', input.message);
      return;
    }

    const user = requireCaller(req);
    const firm = await findAccessibleFirm(user, input.data.params.firmId);
    if (!firm) {
      renderErrorPage(res, 'firm_not_found');
      return;
    }

    const integration = await loadIntegrationView(firm.id);

    const page = renderSettingsPage({ firm, integration, user, notice: input.data.query.notice, csrfToken: csrfTokenOf(req) });
    res.type('html').send(page);
  };
}
