import type { AuthenticatedUser, FirmRecord } from '../../lib/auth';
import { CLIO_REGIONS, type ClioRegion } from '../../lib/integration-status';
import type { IntegrationView } from '../integration-view';
import { CSRF_FIELD } from '../middleware/csrf';
import { formatInTimeZone } from './format-time';
import { html, renderDocument, type SafeHtml } from './html';
import { noticeText, type NoticeCode } from './notices';

const REGION_NAMES: Record<ClioRegion, string> = {
  us: 'United States (app.clio.com)',
  eu: 'Europe and United Kingdom (eu.app.clio.com)',
  ca: 'Canada (ca.app.clio.com)',
  au: 'Australia (au.app.clio.com)',
};

/** Content of the Company Settings → Integrations page. */
export interface SettingsPageModel {
  firm: FirmRecord;
  integration: IntegrationView;
  user: AuthenticatedUser;
  notice: NoticeCode | undefined;
  csrfToken: string;
}

function renderConnectForm(model: SettingsPageModel, label: 'Connect' | 'Reconnect'): SafeHtml {
  const selected = model.integration.region ?? 'us';
  const options = CLIO_REGIONS.map((region) => html`<option value="${region}"${region === selected ? html` selected` : ''}>${REGION_NAMES[region]}</option>`);
  return html`<form method="get" action="/firms/${encodeURIComponent(model.firm.id)}/integrations/clio/connect">
<label>Clio region <select name="region">${options}</select></label>
<button type="submit">${label}</button>
</form>`;
}

function renderStaffActions(model: SettingsPageModel): SafeHtml | null {
  if (model.user.role !== 'staff') {
    return null;
  }
  const base = `/firms/${encodeURIComponent(model.firm.id)}/settings/integrations/clio`;
  const button = (action: string, label: string) => html`<form method="post" action="${base}/${action}">
<input type="hidden" name="${CSRF_FIELD}" value="${model.csrfToken}">
<button type="submit">${label}</button>
</form>`;
  const { status } = model.integration;
  return html`<p>Staff actions:
${status === 'connected_inactive' ? button('activate', 'Activate') : ''}
${status === 'active' ? button('deactivate', 'Deactivate') : ''}
${status === 'not_connected' || status === 'reauthorization_required' ? html`<em>Activation is available once Clio is connected.</em>` : ''}
</p>`;
}

function renderSyncTimes(model: SettingsPageModel): SafeHtml {
  const { lastSyncAt, nextSyncAt } = model.integration;
  const zone = model.firm.timeZone;
  return html`<dl>
<dt>Last sync</dt><dd>${lastSyncAt ? formatInTimeZone(lastSyncAt, zone) : 'Never'}</dd>
<dt>Next sync</dt><dd>${nextSyncAt ? formatInTimeZone(nextSyncAt, zone) : 'None scheduled'}</dd>
</dl>`;
}

/** Renders Company Settings → Integrations with the Clio tile. */
export function renderSettingsPage(model: SettingsPageModel): string {
  const { integration } = model;
  const notice = model.notice ? html`<p class="notice" role="status">${noticeText(model.notice, integration.status)}</p>` : null;
  const connectedAs = integration.clioUser ? html`<p>Connected Clio user: <strong>${integration.clioUser.name}</strong></p>` : null;
  const reauthorization = integration.status === 'reauthorization_required'
    ? html`<p class="warning">Syncing has stopped because Clio no longer accepts CaseBridge's access. Reconnect to resume.</p>`
    : null;

  let connectForm: SafeHtml | null = null;
  if (integration.status === 'not_connected') {
    connectForm = renderConnectForm(model, 'Connect');
  } else if (integration.status === 'reauthorization_required') {
    connectForm = renderConnectForm(model, 'Reconnect');
  }

  const body = html`<header>Signed in as ${model.user.name} · <form method="post" action="/sign-out"><input type="hidden" name="${CSRF_FIELD}" value="${model.csrfToken}"><button type="submit">Sign out</button></form></header>
<h1>${model.firm.name}: Company Settings → Integrations</h1>
${notice}
<section class="tile" aria-labelledby="clio-tile">
<h2 id="clio-tile">Clio</h2>
<p>Status: <strong data-status="${integration.status}">${integration.label}</strong></p>
${reauthorization}
${connectedAs}
${integration.status === 'not_connected' ? null : renderSyncTimes(model)}
${integration.message ? html`<p>${integration.message}</p>` : null}
${connectForm}
${renderStaffActions(model)}
</section>
<p>Times are shown in the firm's time zone, ${model.firm.timeZone}.</p>`;
  return renderDocument(`${model.firm.name} integrations`, body);
}
