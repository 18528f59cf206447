import type { RequestHandler } from 'express';
import { listFirms } from '../../../lib/auth';
import { loadIntegrationSummaries } from '../../integration-view';
import { renderErrorPage } from '../../pages/error-page';
import { renderStaffPage } from '../../pages/staff-page';
import { requireCaller } from '../../request-context';
import { emptyObjectSchema } from '../../schemas';
import { csrfTokenOf } from '../../session-helpers';
import { parseRequest } from '../../validation';

/** Firms listed on the staff console. */
// TODO: page the list once a deployment passes this many firms; until then it shows the first 1000 by name.
const MAX_FIRMS_SHOWN = 1000;

/** GET /staff: the staff console, every firm with its Clio integration label. */
export function getStaffConsole(): RequestHandler {
  return async (req, res) => {
    const input = parseRequest(req, { query: emptyObjectSchema });
    if (!input.ok) {
      renderErrorPage(res, 'invalid_request', input.message);
      return;
    }

    const user = requireCaller(req);
    if (user.role !== 'staff') {
      renderErrorPage(res, 'forbidden', 'The staff console is for CaseBridge staff only.');
      return;
    }

    const firms = await listFirms(MAX_FIRMS_SHOWN);
    const summaries = await loadIntegrationSummaries(firms.map((firm) => firm.id));

    res.type('html').send(renderStaffPage(user, firms, summaries, csrfTokenOf(req)));
  };
}
