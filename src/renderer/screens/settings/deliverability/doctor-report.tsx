import type { EmailDoctorReport } from '../../../../shared/contract/schemas/email-doctor';
import { formatDateTime } from '../../../lib/format-time';
import { checkTitles, fixFor, foundText, requirementWords, statusWords, type CheckName } from './doctor-words';

const CHECKS: readonly CheckName[] = ['mx', 'spf', 'dkim', 'dmarc'];

function CheckItem({ name, report }: { readonly name: CheckName; readonly report: EmailDoctorReport }) {
  const { status, problems } = report[name];
  const found = foundText(name, report);
  const fix = fixFor(name, status, report.domain);
  return (
    <li className={`doctor-check doctor-${status}`} aria-label={checkTitles[name]}>
      <p className="doctor-check-head">
        <span className="strong">{checkTitles[name]}</span> <span className="doctor-status">{statusWords[status]}</span>
      </p>
      {found && <p className="doctor-found">{found}</p>}
      {problems.length > 0 && (
        <ul className="doctor-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {fix && <p className="doctor-fix">To fix: {fix}</p>}
    </li>
  );
}

/** The doctor's findings for one domain: each DNS check with what to fix, then the Gmail/Yahoo sender rules. */
export function DoctorReport({ report }: { readonly report: EmailDoctorReport }) {
  return (
    <div className="doctor-report">
      <p className="muted">
        {report.domain}, checked {formatDateTime(report.checkedAt)}
      </p>
      <ul className="doctor-checks" aria-label="DNS checks">
        {CHECKS.map((name) => (
          <CheckItem key={name} name={name} report={report} />
        ))}
      </ul>
      <h3>Gmail and Yahoo sender requirements</h3>
      <ul className="doctor-checks" aria-label="Sender requirements">
        {report.requirements.map((r) => (
          <li key={r.rule} className={`doctor-check doctor-${r.met === null ? 'unknown' : r.met ? 'pass' : 'fail'}`}>
            <p className="doctor-check-head">
              <span className="strong">{r.rule}</span> <span className="muted">({r.appliesTo})</span> <span className="doctor-status">{requirementWords(r.met)}</span>
            </p>
            <p className="doctor-found">{r.detail}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
