import type { Account } from '../data/account';
import type { Region } from '../regions';

/** Values that the consent form sends back in hidden fields. */
export interface ConsentFormValues {
  clientId: string;
  redirectUri: string;
  state: string | null;
  redirectOnDecline: boolean;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function layout(appName: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>Clio sandbox: authorize ${escapeHtml(appName)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;line-height:1.5}',
    'select,button{font-size:1rem;padding:.4rem .8rem;margin:.3rem .3rem .3rem 0}</style>',
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
  ].join('\n');
}

function hiddenField(name: string, value: string): string {
  return `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
}

/** Renders the consent page: the app name, a choice of the region's accounts, and Allow and Deny buttons. */
export function renderConsentPage(appName: string, region: Region, accounts: readonly Account[], form: ConsentFormValues): string {
  const options = accounts.map((account, index) => {
    const selected = index === 0 ? ' selected' : '';
    const owner = account.users[0];
    const label = `${account.name} (${owner ? `${owner.firstName} ${owner.lastName}` : 'no user'}, account ${account.id})`;
    return `<option value="${account.id}"${selected}>${escapeHtml(label)}</option>`;
  });
  const hidden = [
    hiddenField('client_id', form.clientId),
    hiddenField('redirect_uri', form.redirectUri),
    hiddenField('state', form.state ?? ''),
    hiddenField('redirect_on_decline', String(form.redirectOnDecline)),
  ];

  return layout(
    appName,
    [
      `<h1>${escapeHtml(appName)} would like to access your Clio account</h1>`,
      `<p>Region: ${region.toUpperCase()}. Choose the account to connect.</p>`,
      `<form method="post" action="/${region}/oauth/authorize">`,
      ...hidden,
      '<label for="account_id">Account</label>',
      `<select id="account_id" name="account_id">${options.join('')}</select>`,
      '<div>',
      '<button type="submit" name="decision" value="allow">Allow Access</button>',
      '<button type="submit" name="decision" value="deny">Deny</button>',
      '</div>',
      '</form>',
    ].join('\n'),
  );
}

/** Renders a page with a heading and one paragraph, for errors and for a denied request. */
export function renderMessagePage(appName: string, heading: string, message: string): string {
  return layout(appName, `<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
