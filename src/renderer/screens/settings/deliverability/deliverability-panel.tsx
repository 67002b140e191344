import { useState, type FormEvent } from 'react';
import type { EmailDoctorReport } from '../../../../shared/contract/schemas/email-doctor';
import { Field } from '../../../components/field';
import { Panel } from '../../../components/panel';
import { call } from '../../../lib/call';
import { useAsync } from '../../../lib/use-async';
import { describeFailure } from '../../lead-detail/composer/failure-advice';
import { isMailbox, sendingDomainOf } from '../../lead-detail/composer/mailbox-profiles';
import { DoctorReport } from './doctor-report';
import './deliverability.css';

const loadDomains = async (): Promise<string[]> => {
  const { items } = await call('profiles.list', {});
  return [...new Set(items.filter(isMailbox).flatMap((p) => sendingDomainOf(p) ?? []))];
};

/** The deliverability doctor: checks a sending domain's DNS and says what Gmail and Yahoo require that is missing. */
export function DeliverabilityPanel() {
  const domains = useAsync(loadDomains, []);
  const [typed, setDomain] = useState<string>();
  const [selector, setSelector] = useState('');
  const [report, setReport] = useState<EmailDoctorReport>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The first mailbox's domain fills the field until the operator types one.
  const domain = typed ?? domains.data?.[0] ?? '';

  const run = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    setReport(undefined);
    call('email.doctor', { domain, ...(selector.trim() ? { dkimSelector: selector.trim() } : {}) })
      .then(setReport, (error: unknown) => setFailure(describeFailure(error, 'The doctor could not run')))
      .finally(() => setBusy(false));
  };

  return (
    <Panel title="Deliverability doctor">
      <form className="doctor-form" onSubmit={run} noValidate aria-label="Domain check">
        <Field id="doctor-domain" label="Sending domain" hint="The part after @ in your mailboxes' From address.">
          {(control) => (
            <>
              <input {...control} type="text" list="doctor-domains" placeholder="example.com" value={domain} onChange={(e) => setDomain(e.target.value)} />
              <datalist id="doctor-domains">
                {domains.data?.map((d) => (
                  <option key={d} value={d} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field id="doctor-selector" label="DKIM selector (optional)" hint="Leave empty to try the common ones (google, selector1, s1…).">
          {(control) => <input {...control} type="text" value={selector} onChange={(e) => setSelector(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || domain.trim() === ''}>
            {busy ? 'Checking…' : 'Check domain'}
          </button>
        </div>
      </form>
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
      {report && <DoctorReport report={report} />}
    </Panel>
  );
}
