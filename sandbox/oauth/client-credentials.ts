import type { Request } from 'express';

/** The OAuth client that the sandbox accepts. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /** Shown on the consent page. */
  appName: string;
}

/** Client credentials read from a token request, and where they came from. */
export type ClientCredentials =
  | { ok: true; clientId: string; clientSecret: string | null; viaBasic: boolean }
  | { ok: false; description: string };

/**
 * Reads client credentials from HTTP Basic authentication or from the form fields client_id and
 * client_secret (RFC 6749, section 2.3.1). Both at once must agree.
 */
export function readClientCredentials(req: Request, form: Record<string, string | undefined>): ClientCredentials {
  const header = req.get('Authorization') ?? '';
  const basic = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!basic) {
    if (form.client_id === undefined) return { ok: false, description: 'client_id is missing; send it in the form or with HTTP Basic authentication.' };
    return { ok: true, clientId: form.client_id, clientSecret: form.client_secret ?? null, viaBasic: false };
  }

  const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
  const colonAt = decoded.indexOf(':');
  if (colonAt === -1) return { ok: false, description: 'The Basic authorization header is not base64 of client_id:client_secret.' };
  // RFC 6749 form-encodes both parts before base64.
  const clientId = safeDecode(decoded.slice(0, colonAt));
  const clientSecret = safeDecode(decoded.slice(colonAt + 1));
  if (form.client_id !== undefined && form.client_id !== clientId) {
    return { ok: false, description: `client_id "${form.client_id}" in the form differs from the one in the Basic authorization header.` };
  }
  return { ok: true, clientId, clientSecret, viaBasic: true };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
