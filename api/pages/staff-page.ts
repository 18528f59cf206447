import type { AuthenticatedUser, FirmRecord } from '../../lib/auth';
import { STATUS_LABELS } from '../../lib/integration-status';
import type { IntegrationSummary } from '../integration-view';
import { CSRF_FIELD } from '../middleware/csrf';
import { formatInTimeZone } from './format-time';
import { html, renderDocument } from './html';

/** Renders the staff console: every firm with its integration label and last sync. */
export function renderStaffPage(user: AuthenticatedUser, firms: FirmRecord[], summaries: Map<string, IntegrationSummary>, csrfToken: string): string {
  const rows = firms.map((firm) => {
    const summary = summaries.get(firm.id);
    const label = STATUS_LABELS[summary?.status ?? 'not_connected'];
    const lastSync = summary?.lastSyncAt ? formatInTimeZone(summary.lastSyncAt.toISOString(), firm.timeZone) : 'Never';
    return html`<tr>
<td><a href="/firms/${encodeURIComponent(firm.id)}/settings/integrations">${firm.name}</a></td>
<td><code>${firm.id}</code></td>
<td data-status="${summary?.status ?? 'not_connected'}">${label}</td>
<td>${lastSync}</td>
</tr>`;
  });
  const table = firms.length === 0
    ? html`<p>No firms yet. Create one with <code>npm run cli -- create-firm --id acme --name "Acme Law"</code>.</p>`
    : html`<table>
<thead><tr><th>Firm</th><th>Id</th><th>Clio integration</th><th>Last sync</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
  const body = html`<header>Signed in as ${user.name} (staff) · <form method="post" action="/sign-out"><input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}"><button type="submit">Sign out</button></form></header>
<h1>Staff console</h1>
${table}`;
  return renderDocument('Staff console', body);
}
