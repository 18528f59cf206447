import { createSignInLink } from '../../lib/auth';
/** A minimal browser for end-to-end tests: a cookie jar and manual redirects over real HTTP. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  /** Sends a GET and keeps any cookies; redirects are returned, not followed. */
  async get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  /** Submits a form as a browser does, form-encoded. */
  async postForm(url: string, fields: Record<string, string>): Promise<Response> {
    return this.send(url, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Follows redirects from `response` until a response that is not a redirect, resolving relative locations. */
  async follow(response: Response, from: string): Promise<{ response: Response; url: string }> {
    let current = response;
    let url = from;
    for (let hops = 0; current.status >= 300 && current.status < 400; hops++) {
      if (hops > 10) {
        throw new Error(`More than 10 redirects from ${from}`);
      }
      url = new URL(current.headers.get('location') as string, url).href;
      current = await this.get(url);
    }
    return { response: current, url };
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const host = new URL(url).host;
    const cookie = [...this.cookies.entries()].filter(([key]) => key.startsWith(`${host} `)).map(([key, value]) => `${key.split(' ')[1]}=${value}`).join('; ');
    const headers = new Headers(init.headers);
    if (cookie) {
      headers.set('cookie', cookie);
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const separator = pair.indexOf('=');
      this.cookies.set(`${host} ${pair.slice(0, separator).trim()}`, pair.slice(separator + 1).trim());
    }
    return response;
  }
}

/** Reads the hidden inputs and the first selected option of the sandbox's consent form. */
export function readConsentForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) {
    throw new Error(`No consent form in page: ${html.slice(0, 300)}`);
  }
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]] = match[2].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  }
  const account = /<option value="([^"]+)" selected>/.exec(html)?.[1];
  if (account) {
    fields.account_id = account;
  }
  return { action, fields };
}

/**
 * Walks the Connect flow as a firm admin: the connect route, the sandbox's consent page, the
 * chosen `decision` button, and the callback. Returns the final page and its URL.
 */
export async function connectClio(browser: Browser, apiUrl: string, firmId: string, decision: 'allow' | 'deny' = 'allow', region = 'us'): Promise<{ url: string; html: string; status: number }> {
  const connectUrl = `${apiUrl}/firms/${firmId}/integrations/clio/connect?region=${region}`;
  const toClio = await browser.get(connectUrl);
  if (toClio.status !== 302) {
    throw new Error(`Connect answered ${toClio.status}: ${await toClio.text()}`);
  }
  const consentUrl = new URL(toClio.headers.get('location') as string, connectUrl).href;
  const consent = await browser.get(consentUrl);
  const form = readConsentForm(await consent.text());
  const formUrl = new URL(form.action, consentUrl).href;
  const decided = await browser.postForm(formUrl, { ...form.fields, decision });
  const final = await browser.follow(decided, formUrl);
  return { url: final.url, html: await final.response.text(), status: final.response.status };
}

/**
 * Signs in as `email` with a one-time link and connects the firm's Clio account through the
 * sandbox's consent page. Throws unless the settings page then reads Connected, Inactive.
 */
export async function signInAndConnectClio(apiUrl: string, email: string, firmId: string): Promise<void> {
  const browser = new Browser();
  const link = await createSignInLink({ email, publicUrl: apiUrl });
  await browser.get(link.url);
  const page = await connectClio(browser, apiUrl, firmId, 'allow');
  if (!page.html.includes('Connected, Inactive')) {
    throw new Error(`Connecting Clio failed: the settings page returned status ${page.status} without "Connected, Inactive"`);
  }
}
