import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract/methods';
import { AsyncView } from '../../components/async-view';
import { ConfirmAction } from '../../components/confirm-action';
import { DetailsList } from '../../components/details-list';
import { Panel } from '../../components/panel';
import { call } from '../../lib/call';
import { formatDateTime } from '../../lib/format-time';
import { useAsync } from '../../lib/use-async';
import { NewKeyNotice } from './new-key-notice';

const describeKey = (key: MethodOutput<'apiKey.describe'>) =>
  [
    ['Key', <code key="prefix">{key.prefix}…</code>],
    ['Created', formatDateTime(key.createdAt)],
    ['Last used', key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'],
  ] as const;

/** The local API key: which one is active, and rotating it (the new key is shown once). */
export function ApiKeySection() {
  const current = useAsync(() => call('apiKey.describe', {}), []);
  const [issuedKey, setIssuedKey] = useState<string>();

  const rotate = () =>
    call('apiKey.rotate', {}).then((issued) => {
      setIssuedKey(issued.key);
      current.reload();
    });

  return (
    <Panel title="API key">
      <p className="muted">Scripts and tools call the local API with this key. Outpost keeps only a fingerprint of it, so it can show just its first characters.</p>
      <AsyncView state={current} what="the API key">
        {(key) => <DetailsList items={describeKey(key)} />}
      </AsyncView>
      {issuedKey && <NewKeyNotice apiKey={issuedKey} />}
      <ConfirmAction
        label="Rotate key"
        confirmLabel="Confirm rotation"
        groupLabel="Confirm key rotation"
        warning="The current key stops working at once; every script or tool that uses it will need the new key."
        failure="The key was not rotated"
        run={rotate}
      />
    </Panel>
  );
}
