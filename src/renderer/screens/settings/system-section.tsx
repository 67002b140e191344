import { AsyncView } from '../../components/async-view';
import { DetailsList } from '../../components/details-list';
import { Panel } from '../../components/panel';
import { formatDateTime } from '../../lib/format-time';
import { editionLabels, useSystemInfo, type SystemInfo } from '../../stores/system-store';

const describeSystem = (info: SystemInfo) =>
  [
    ['Edition', editionLabels[info.edition]],
    ['Version', info.version],
    ['Schema version', String(info.schemaVersion)],
    ['Data folder', <code key="dir">{info.dataDir}</code>],
    ['Running since', formatDateTime(info.startedAt)],
    ['Credentials sealed by', info.secretStorage.scheme],
  ] as const;

/** What is running and where its data lives. */
export function SystemSection() {
  const info = useSystemInfo();
  return (
    <Panel title="System">
      <AsyncView state={info} what="system information">
        {(data) => (
          <>
            <DetailsList items={describeSystem(data)} />
            {data.secretStorage.warning && (
              <p className="notice notice-warning" role="alert">
                {data.secretStorage.warning}
              </p>
            )}
          </>
        )}
      </AsyncView>
    </Panel>
  );
}
