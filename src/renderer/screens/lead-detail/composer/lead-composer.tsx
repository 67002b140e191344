import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/field';
import { call } from '../../../lib/call';
import { useAsync } from '../../../lib/use-async';
import { useLiveRefresh } from '../../../lib/use-live-refresh';
import { describeFailure } from './failure-advice';
import { LeadMessages } from './lead-messages';
import { MailboxPicker } from './mailbox-picker';
import { TemplatePreview } from './template-preview';
import { isCurrent, useTemplatePreview, type RenderedTemplate, type Template } from './use-template-preview';
import './composer.css';

const LIVE_EVENTS = ['outreach.changed'] as const;
const HINT = 'Merge fields: {{first_name|there}} (with a fallback), {{company.name}}, {{custom.<field>}}. Spintax picks one per lead: {Hi|Hello}.';

/** Why the template cannot be queued yet; undefined when it can. */
function blocker(template: Template, rendered: RenderedTemplate | undefined, loading: boolean): string | undefined {
  if (template.subject.trim() === '' || template.body.trim() === '') return 'Write a subject and a body.';
  if (!isCurrent(rendered, template) || loading) return 'Checking the template for this lead…';
  if (rendered.preview?.unknown.length) return 'Not queued: fix the unknown merge fields first.';
  return undefined;
}

/** Writes an email to one lead with a live preview, queues it for approval, and lists the lead's messages. */
export function LeadComposer({ leadId }: { readonly leadId: number }) {
  const [template, setTemplate] = useState<Template>({ subject: '', body: '' });
  const [profileId, setProfileId] = useState<number>();
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string }>();
  const [busy, setBusy] = useState(false);
  const preview = useTemplatePreview(leadId, template);
  const messages = useAsync(() => call('outreach.list', { leadId }).then((r) => r.items), [leadId]);
  useLiveRefresh(LIVE_EVENTS, messages.reload);
  const blocked = blocker(template, preview.data, preview.loading);
  const edit = (change: Partial<Template>): void => {
    setTemplate((t) => ({ ...t, ...change }));
    setOutcome(undefined);
  };

  const queue = (event: FormEvent): void => {
    event.preventDefault();
    if (blocked) return setOutcome({ ok: false, text: blocked });
    setBusy(true);
    call('outreach.compose', { leadId, typeCode: 'email', ...template, ...(profileId === undefined ? {} : { profileId }) })
      .then(() => {
        setTemplate({ subject: '', body: '' });
        setOutcome({ ok: true, text: 'Queued: it waits for your approval in the list below.' });
        messages.reload();
      })
      .catch((error: unknown) => setOutcome({ ok: false, text: describeFailure(error, 'Not queued') }))
      .finally(() => setBusy(false));
  };

  const shown = preview.data?.preview;
  return (
    <>
      <form className="composer" onSubmit={queue} noValidate aria-label="New email">
        <MailboxPicker id={`composer-profile-${leadId}`} value={profileId} onChange={setProfileId} />
        <Field id={`composer-subject-${leadId}`} label="Subject">
          {(control) => <input {...control} type="text" maxLength={998} value={template.subject} onChange={(e) => edit({ subject: e.target.value })} />}
        </Field>
        <Field id={`composer-body-${leadId}`} label="Body" hint={HINT}>
          {(control) => <textarea {...control} rows={8} value={template.body} onChange={(e) => edit({ body: e.target.value })} />}
        </Field>
        {preview.error && (
          <p className="form-outcome danger" role="alert">
            {describeFailure(preview.error, 'The preview failed')}
          </p>
        )}
        {shown && <TemplatePreview preview={shown} />}
        <div className="form-actions">
          {/* Left clickable while blocked: a click says why nothing was queued. */}
          <button type="submit" className="button button-primary" disabled={busy} aria-disabled={blocked !== undefined}>
            Queue for approval
          </button>
          {blocked && <span className="muted">{blocked}</span>}
        </div>
        {outcome && (
          <p className={`form-outcome ${outcome.ok ? 'success' : 'danger'}`} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </p>
        )}
      </form>
      <LeadMessages messages={messages} />
    </>
  );
}
