/** Largest Clio matter id accepted; ids beyond it would lose precision as JavaScript numbers. */
const MAX_MATTER_ID = Number.MAX_SAFE_INTEGER;

/** `/matters/<id>` inside a Clio web URL's path or fragment, e.g. https://app.clio.com/nc/#/matters/123. */
const MATTER_PATH_PATTERN = /\/matters\/(\d+)(?=$|[/?#])/;

function toMatterId(digits: string): number | null {
  const id = Number(digits);
  return Number.isSafeInteger(id) && id >= 1 && id <= MAX_MATTER_ID ? id : null;
}

function isClioHost(hostname: string, extraHosts: readonly string[]): boolean {
  return hostname === 'clio.com' || hostname.endsWith('.clio.com') || extraHosts.includes(hostname);
}

/**
 * Reads a Clio matter id from a positive integer, a string of digits, or the URL of the matter in
 * Clio's web app (https://app.clio.com/nc/#/matters/123, or the EU, CA and AU hosts). `extraHosts`
 * adds host names, such as the configured region hosts of a sandbox. Returns null when `value`
 * matches none of these forms.
 */
export function parseMatterReference(value: unknown, extraHosts: readonly string[] = []): number | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? toMatterId(String(value)) : null;
  }
  if (typeof value !== 'string') {
    return null;
  }
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    return toMatterId(text);
  }

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !isClioHost(url.hostname, extraHosts)) {
    return null;
  }
  const match = MATTER_PATH_PATTERN.exec(url.pathname) ?? MATTER_PATH_PATTERN.exec(url.hash.replace(/^#/, ''));
  return match ? toMatterId(match[1]) : null;
}
