import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract/methods';
import { Panel } from '../../components/panel';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';

type Bundle = MethodOutput<'support.bundle'>;

const kilobytes = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Support: where the logs are, and a support bundle (recent logs and state, without secrets) to download and send. */
export function SupportSection() {
  const [bundle, setBundle] = useState<Bundle>();
  const [state, setState] = useState<{ readonly busy: boolean; readonly error?: string }>({ busy: false });

  const create = () => {
    setState({ busy: true });
    call('support.bundle', {})
      .then((made) => {
        setBundle(made);
        setState({ busy: false });
      })
      .catch((error: unknown) => setState({ busy: false, error: `The support bundle was not written: ${toError(error).message}` }));
  };

  return (
    <Panel title="Support">
      <p className="muted">
        A support bundle holds the recent logs, versions, migration state, table counts, settings, profiles and monitoring figures. Passwords, API keys and
        login codes are left out.
      </p>
      <button type="button" className="button" onClick={create} disabled={state.busy}>
        {state.busy ? 'Writing the bundle…' : 'Create support bundle'}
      </button>
      {bundle && (
        <p className="form-outcome" role="status">
          <a href={bundle.downloadPath} download={bundle.fileName}>
            Download {bundle.fileName}
          </a>{' '}
          ({kilobytes(bundle.sizeBytes)}, {bundle.entries.length} files), saved as <code>{bundle.path}</code>. Logs are kept in{' '}
          <code>{bundle.logFolder}</code>.
        </p>
      )}
      {state.error && (
        <p className="form-outcome danger" role="alert">
          {state.error}
        </p>
      )}
    </Panel>
  );
}
