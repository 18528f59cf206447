import { z } from 'zod';
import { NotificationSettings } from '../../../../../../lib/models';
import { CLIENT_NOTIFICATION_KINDS } from '../../../../../../lib/models/notification';
import { checkHoliday, DEFAULT_TEMPLATES, MAX_SUBJECT_LENGTH, MAX_TEXT_LENGTH, TEMPLATE_PLACEHOLDERS, templateProblems } from '../../../../../../lib/notifications';
import type { notificationSettingsViewSchema } from './notification-views';

/** Most templates and holidays one firm may store. */
const MAX_TEMPLATES = 200;
const MAX_HOLIDAYS = 400;

const holidaySchema = z.string().superRefine((value, ctx) => {
  try {
    checkHoliday(value);
  } catch (error) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
  }
});

const templateSchema = z.object({
  kind: z.enum(CLIENT_NOTIFICATION_KINDS),
  phase: z.string().trim().min(1).max(200).nullable(),
  subject: z.string().max(MAX_SUBJECT_LENGTH),
  text: z.string().max(MAX_TEXT_LENGTH),
}).strict().superRefine((template, ctx) => {
  for (const problem of templateProblems(template)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  }
});

/** Body of PUT …/notifications/settings: each list given replaces the stored one. */
export const settingsBodySchema = z.object({
  templates: z.array(templateSchema).max(MAX_TEMPLATES).optional(),
  holidays: z.array(holidaySchema).max(MAX_HOLIDAYS).optional(),
}).strict().superRefine((body, ctx) => {
  if (!body.templates && !body.holidays) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'send "templates", "holidays" or both' });
  }
  const seen = new Set<string>();
  for (const [index, template] of (body.templates ?? []).entries()) {
    const key = `${template.kind}\n${template.phase ?? ''}`;
    if (seen.has(key)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['templates', index], message: `a second ${template.kind} template for ${template.phase === null ? 'every phase' : `phase "${template.phase}"`}; keep one` });
    }
    seen.add(key);
  }
});

/** Reads a firm's notification settings with the defaults and placeholders a template editor needs. */
export async function readSettingsView(firmId: string): Promise<z.infer<typeof notificationSettingsViewSchema>> {
  const stored = await NotificationSettings.findOne({ firmId }).lean();
  return {
    templates: (stored?.templates ?? []).map((template) => ({ kind: template.kind, phase: template.phase ?? null, subject: template.subject, text: template.text })),
    holidays: [...(stored?.holidays ?? [])].sort(),
    defaults: DEFAULT_TEMPLATES,
    placeholders: [...TEMPLATE_PLACEHOLDERS],
  };
}
