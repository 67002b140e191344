import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract/methods';
import { AsyncView } from '../../components/async-view';
import { DetailsList } from '../../components/details-list';
import { Panel } from '../../components/panel';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';
import { formatDateTime } from '../../lib/format-time';
import { useAsync } from '../../lib/use-async';
import { NewKeyNotice } from './new-key-notice';

type Step = { readonly kind: 'idle' } | { readonly kind: 'confirming' } | { readonly kind: 'rotating' } | { readonly kind: 'failed'; readonly message: string };

const describeKey = (key: MethodOutput<'apiKey.describe'>) =>
  [
    ['Key', <code key="prefix">{key.prefix}…</code>],
    ['Created', formatDateTime(key.createdAt)],
    ['Last used', key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'],
  ] as const;

/** The local API key: which one is active, and rotating it (the new key is shown once). */
export function ApiKeySection() {
  const current = useAsync(() => call('apiKey.describe', {}), []);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [issuedKey, setIssuedKey] = useState<string>();

  const rotate = (): void => {
    setStep({ kind: 'rotating' });
    call('apiKey.rotate', {})
      .then((issued) => {
        setIssuedKey(issued.key);
        setStep({ kind: 'idle' });
        current.reload();
      })
      .catch((error: unknown) => setStep({ kind: 'failed', message: toError(error).message }));
  };

  return (
    <Panel title="API key">
      <p className="muted">Scripts and tools call the local API with this key. Outpost keeps only a fingerprint of it, so it can show just its first characters.</p>
      <AsyncView state={current} what="the API key">
        {(key) => <DetailsList items={describeKey(key)} />}
      </AsyncView>
      {issuedKey && <NewKeyNotice apiKey={issuedKey} />}
      {step.kind === 'confirming' || step.kind === 'rotating' ? (
        <div className="confirm" role="group" aria-label="Confirm key rotation">
          <p>The current key stops working at once; every script or tool that uses it will need the new key.</p>
          <div className="button-row">
            <button type="button" className="button button-danger" onClick={rotate} disabled={step.kind === 'rotating'}>
              Confirm rotation
            </button>
            <button type="button" className="button" onClick={() => setStep({ kind: 'idle' })} disabled={step.kind === 'rotating'}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setStep({ kind: 'confirming' })}>
            Rotate key
          </button>
          {step.kind === 'failed' && (
            <p className="form-outcome danger" role="alert">
              The key was not rotated: {step.message}
            </p>
          )}
        </div>
      )}
    </Panel>
  );
}
