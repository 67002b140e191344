import { useState } from 'react';
import type { MethodInput } from '../../../shared/contract/methods';
import type { ConnectionStep, ConnectionTestReport } from '../../../shared/contract/schemas/connection-test';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';

const stepNames: Readonly<Record<ConnectionStep['step'], string>> = { dns: 'DNS', tcp: 'Connect', tls: 'TLS', auth: 'Login', folders: 'Folders' };
const statusNames: Readonly<Record<ConnectionStep['status'], string>> = { ok: 'OK', failed: 'Failed', skipped: 'Skipped' };

/** "Test connection" for a mailbox form: checks SMTP and IMAP as the form stands (saved or not) and lists every step. */
export function ConnectionTest({ input }: { readonly input: () => MethodInput<'email.testConnection'> }) {
  const [report, setReport] = useState<ConnectionTestReport>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = (): void => {
    setBusy(true);
    setFailure(undefined);
    call('email.testConnection', input())
      .then(setReport)
      .catch((error: unknown) => {
        setReport(undefined);
        setFailure(`Not tested: ${toError(error).message}`);
      })
      .finally(() => setBusy(false));
  };
  return (
    <section className="connection-test" aria-label="Connection test">
      <button type="button" className="button" onClick={run} disabled={busy}>
        {busy ? 'Testing…' : 'Test connection'}
      </button>
      {failure && (
        <p className="form-outcome danger" role="alert">
          {failure}
        </p>
      )}
      {report && (
        <>
          <p className={`form-outcome ${report.ok ? 'success' : 'danger'}`} role="status">
            {report.ok ? 'Sending and reading both work.' : 'Something failed: see the steps below.'}
          </p>
          <table className="data-table connection-steps">
            <caption className="visually-hidden">Connection test steps</caption>
            <thead>
              <tr>
                <th scope="col">Server</th>
                <th scope="col">Step</th>
                <th scope="col">Result</th>
                <th scope="col">Detail</th>
                <th scope="col">Time</th>
              </tr>
            </thead>
            <tbody>
              {report.steps.map((step) => (
                <tr key={`${step.server}-${step.step}`} className={`connection-step-${step.status}`}>
                  <td>{step.server.toUpperCase()}</td>
                  <td>{stepNames[step.step]}</td>
                  <td>{statusNames[step.status]}</td>
                  <td>{step.message}</td>
                  <td>{step.status === 'skipped' ? '' : `${step.ms} ms`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
