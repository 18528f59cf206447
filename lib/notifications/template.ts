import type { ClientNotificationKind } from '../models/notification';

/** Wording of one update: a subject line for email and a plain-text body for email and text messages. */
export interface MessageTemplate {
  subject: string;
  text: string;
}

/** A firm's template for one kind, for one phase or, with a null phase, for every phase. */
export interface FirmTemplate extends MessageTemplate {
  kind: ClientNotificationKind;
  phase: string | null;
}

/** Values a template may name as `{{name}}`. */
export interface TemplateValues {
  projectName: string;
  phase: string | null;
  previousPhase: string | null;
  firmName: string;
  clientName: string | null;
}

/** The placeholders a template may use. */
export const TEMPLATE_PLACEHOLDERS = ['projectName', 'phase', 'previousPhase', 'firmName', 'clientName'] as const;

/** Wording used when the firm has no template of its own for the kind and phase. */
export const DEFAULT_TEMPLATES: Record<ClientNotificationKind, MessageTemplate> = {
  new_project: {
    subject: 'Your case {{projectName}} with {{firmName}}',
    text: 'Your case {{projectName}} with {{firmName}} is now open. We will write to you each time it moves to a new phase.',
  },
  phase_change: {
    subject: 'Update on your case {{projectName}}',
    text: 'Your case {{projectName}} has moved to {{phase}}.\n\n{{firmName}}',
  },
};

/** Maximum lengths of a subject and a body, in characters, for templates and rendered messages. */
export const MAX_SUBJECT_LENGTH = 200;
export const MAX_TEXT_LENGTH = 2000;

/** Maximum length of the value substituted for one placeholder; a longer project or client name is cut. */
const MAX_VALUE_LENGTH = 200;

const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
const HTML_TAG_PATTERN = /<\/?[A-Za-z!][^>]*>/;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Returns the firm's template for `kind` and `phase`: its template for that exact phase, else its
 * template for every phase, else the default.
 */
export function selectTemplate(kind: ClientNotificationKind, phase: string | null, firmTemplates: readonly FirmTemplate[]): MessageTemplate {
  const ofKind = firmTemplates.filter((template) => template.kind === kind);
  const exact = phase === null ? undefined : ofKind.find((template) => template.phase === phase);
  const general = ofKind.find((template) => template.phase === null);
  return exact ?? general ?? DEFAULT_TEMPLATES[kind];
}

/**
 * Returns the problems of a template, each a sentence naming what to change; none means it is
 * valid. Templates are plain text: HTML tags, control characters, unknown placeholders and
 * braces of an unfinished placeholder are rejected.
 */
export function templateProblems(template: MessageTemplate): string[] {
  const problems: string[] = [];
  if (template.subject.trim() === '' || template.subject.length > MAX_SUBJECT_LENGTH) {
    problems.push(`The subject must have 1 to ${MAX_SUBJECT_LENGTH} characters.`);
  }
  if (/[\r\n]/.test(template.subject)) {
    problems.push('The subject must be one line.');
  }
  if (template.text.trim() === '' || template.text.length > MAX_TEXT_LENGTH) {
    problems.push(`The text must have 1 to ${MAX_TEXT_LENGTH} characters.`);
  }
  for (const [field, value] of [['subject', template.subject], ['text', template.text]] as const) {
    if (HTML_TAG_PATTERN.test(value)) {
      problems.push(`The ${field} contains an HTML tag; messages are plain text, so write it without tags.`);
    }
    for (const [, name] of value.matchAll(PLACEHOLDER_PATTERN)) {
      if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) {
        problems.push(`The ${field} uses the unknown placeholder {{${name}}}; use one of ${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`);
      }
    }
    // Braces left after removing the placeholders belong to no placeholder, so they are a typo the client would see.
    const stray = value.replace(PLACEHOLDER_PATTERN, '').match(/\{\{|\}\}/);
    if (stray) {
      problems.push(`The ${field} has a "${stray[0]}" that belongs to no placeholder; write a placeholder whole, such as {{phase}}.`);
    }
    // Line breaks and tabs are allowed in the text (a two-line subject has its own problem above).
    if (new RegExp(CONTROL_CHARACTERS.source).test(value.replace(/[\r\n\t]/g, ''))) {
      problems.push(`The ${field} contains a control character; remove it.`);
    }
  }
  return problems;
}

/** Removes control characters and cuts a value to MAX_VALUE_LENGTH; `oneLine` also folds line breaks into spaces. */
function cleanValue(value: string | null, oneLine: boolean): string {
  const text = (value ?? '').replace(oneLine ? /[\r\n\t]+/g : /\t/g, ' ').replace(CONTROL_CHARACTERS, '').trim();
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function fill(template: string, values: TemplateValues, oneLine: boolean): string {
  return template.replace(PLACEHOLDER_PATTERN, (placeholder, name: string) => {
    if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) {
      return placeholder;
    }
    return cleanValue(values[name as keyof TemplateValues], oneLine);
  });
}

/**
 * Renders a template into a plain-text subject and body. Values are inserted as text, never as
 * markup, with control characters removed, and the subject is kept to one line so a value cannot
 * add an email header. The results are cut to the maximum lengths.
 */
export function renderMessage(template: MessageTemplate, values: TemplateValues): MessageTemplate {
  const subject = fill(template.subject, values, true).replace(/[\r\n]+/g, ' ').slice(0, MAX_SUBJECT_LENGTH);
  const text = fill(template.text, values, false).slice(0, MAX_TEXT_LENGTH);
  return { subject, text };
}
