import type { OutreachPreview } from '../../../../shared/contract/schemas/outreach';

const braces = (fields: readonly string[]): string => fields.map((f) => `{{${f}}}`).join(', ');

/** The template as this lead will receive it, with unknown merge fields flagged and empty ones warned about. */
export function TemplatePreview({ preview }: { readonly preview: OutreachPreview }) {
  return (
    <section className="composer-preview" aria-label="Preview for this lead">
      {preview.unknown.length > 0 && (
        <p className="notice notice-error" role="alert">
          Unknown merge fields: {braces(preview.unknown)}. No lead, company or custom field has that name: correct or remove them before queuing.
        </p>
      )}
      {preview.empty.length > 0 && (
        <p className="notice notice-warning">
          This lead has no value for {braces(preview.empty)}: they render as nothing. Add a fallback like {'{{first_name|there}}'}.
        </p>
      )}
      <p className="composer-message-subject">{preview.subject}</p>
      <pre className="composer-text">{preview.body}</pre>
    </section>
  );
}
