import type { OutreachPreview } from '../../../../shared/contract/schemas/outreach';
import type { AsyncState } from '../../../lib/async-state';
import { call } from '../../../lib/call';
import { useAsync } from '../../../lib/use-async';
import { useDebouncedValue } from './use-debounced-value';

/** A subject and body as typed. */
export interface Template {
  readonly subject: string;
  readonly body: string;
}

/** A preview together with the template it was rendered from, so a stale one is never taken for the current text. */
export interface RenderedTemplate {
  readonly template: Template;
  readonly preview: OutreachPreview | null;
}

const isBlank = (template: Template): boolean => template.subject.trim() === '' || template.body.trim() === '';

/** The template rendered for the lead a moment after typing stops; null preview while the subject or body is empty. */
export function useTemplatePreview(leadId: number, template: Template): AsyncState<RenderedTemplate> {
  const subject = useDebouncedValue(template.subject);
  const body = useDebouncedValue(template.body);
  return useAsync(async () => {
    const settled = { subject, body };
    return { template: settled, preview: isBlank(settled) ? null : await call('outreach.preview', { leadId, ...settled }) };
  }, [leadId, subject, body]);
}

/** Whether a rendered template is the one on screen now. */
export const isCurrent = (rendered: RenderedTemplate | undefined, template: Template): rendered is RenderedTemplate =>
  rendered !== undefined && rendered.template.subject === template.subject && rendered.template.body === template.body;
