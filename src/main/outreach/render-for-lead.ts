import type { OutreachPreview } from '../../shared/contract/schemas/outreach';
import { inspectTemplate } from '../../shared/templates/inspect-template';
import { knownMergeFields } from '../../shared/templates/merge-data';
import { renderTemplate } from '../../shared/templates/render-template';
import type { LeadMergeData } from './lead-merge-values';

/** A message template: subject, plain body and optional HTML body. */
export interface MessageTemplate {
  readonly subject: string;
  readonly body: string;
  readonly html?: string | undefined;
}

/**
 * Renders a template for one lead. Seeds derive from the lead only, so a preview shows exactly the text compose
 * stores; the plain and HTML bodies share a seed so they pick the same spintax variants.
 */
export function renderForLead(leadId: number, data: LeadMergeData, template: MessageTemplate): OutreachPreview {
  const known = knownMergeFields(data.customFieldNames);
  const parts = [template.subject, template.body, template.html ?? ''].map((t) => inspectTemplate(t, known));
  const subject = renderTemplate(template.subject, data.values, `lead:${leadId}:subject`);
  const body = renderTemplate(template.body, data.values, `lead:${leadId}:body`);
  const html = template.html === undefined ? null : renderTemplate(template.html, data.values, `lead:${leadId}:body`);
  const unique = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];
  return {
    subject: subject.text.replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    body: body.text,
    html: html?.text ?? null,
    fields: unique(parts.map((p) => p.fields)),
    unknown: unique(parts.map((p) => p.unknown)),
    empty: unique([subject.empty, body.empty, html?.empty ?? []]).filter((f) => !parts.some((p) => p.unknown.includes(f))),
  };
}
