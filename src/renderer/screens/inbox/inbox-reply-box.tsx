import { useState, type FormEvent } from 'react';
import { Field } from '../../components/field';
import { call } from '../../lib/call';
import { toError } from '../../lib/async-state';

/** The operator's answer to one incoming email: sent now from the mailbox that received it, in the same thread. */
export function InboxReplyBox({ outreachId, subject, onSent }: { readonly outreachId: number; readonly subject: string | null; readonly onSent: () => void }) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string }>();
  const send = (event: FormEvent): void => {
    event.preventDefault();
    if (body.trim() === '') return setOutcome({ ok: false, text: 'Write your reply first.' });
    setBusy(true);
    call('inbox.reply', { outreachId, body })
      .then((sent) => {
        setBody('');
        setOutcome({ ok: true, text: `Sending "${sent.subject ?? ''}" to ${sent.address ?? 'the lead'} from the same mailbox.` });
        onSent();
      })
      .catch((error: unknown) => setOutcome({ ok: false, text: `Not sent: ${toError(error).message.replace(/^outreachId: /, '')}` }))
      .finally(() => setBusy(false));
  };
  return (
    <form className="inbox-reply" onSubmit={send} noValidate aria-label="Reply">
      <Field id={`inbox-reply-${outreachId}`} label={`Reply to “${subject ?? '(no subject)'}”`} hint="Sent from the mailbox that received this message, in the same thread.">
        {(control) => <textarea {...control} rows={5} value={body} onChange={(e) => (setBody(e.target.value), setOutcome(undefined))} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Send reply
        </button>
      </div>
      {outcome && (
        <p className={`form-outcome ${outcome.ok ? 'success' : 'danger'}`} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </form>
  );
}
