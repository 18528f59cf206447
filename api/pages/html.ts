/** HTML that is already escaped; the `html` template inserts it as is. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five characters that can end a text node or an attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

function renderValue(value: unknown): string {
  if (value instanceof SafeHtml) {
    return value.value;
  }
  if (Array.isArray(value)) {
    return value.map(renderValue).join('');
  }
  if (value === null || value === undefined || value === false) {
    return '';
  }
  return escapeHtml(String(value));
}

/**
 * Template tag that escapes every interpolated value except SafeHtml; arrays are joined, and
 * null, undefined and false render as nothing, so conditional fragments read naturally.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, index) => {
    out += renderValue(value) + strings[index + 1];
  });
  return new SafeHtml(out);
}

/** Wraps a page body in the document every page shares. */
export function renderDocument(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · CaseBridge</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 48rem; padding: 0 1rem; color: #1f2933; }
.tile { border: 1px solid #cbd2d9; border-radius: 8px; padding: 1rem 1.5rem; }
.notice { background: #e6f6ff; border-left: 4px solid #2186eb; padding: 0.5rem 1rem; }
.warning { background: #fffbea; border-left: 4px solid #f0b429; padding: 0.5rem 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #e4e7eb; }
form { display: inline-block; margin-right: 0.5rem; }
</style>
</head>
<body>
${body}
</body>
</html>
`.value;
}
