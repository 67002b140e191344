import { AsyncView } from '../../components/async-view';
import { Panel } from '../../components/panel';
import { Screen } from '../../components/screen';
import { useSettings } from '../../stores/settings-store';
import { ApiKeySection } from './api-key-section';
import { BackupsSection } from './backups-section';
import { DeliverabilityPanel } from './deliverability/deliverability-panel';
import { SettingsForm } from './settings-form';
import { SupportSection } from './support-section';
import { SystemSection } from './system-section';

/** The Settings area: preferences, the API key and what is running. */
export function SettingsScreen() {
  const settings = useSettings();
  return (
    <Screen title="Settings">
      <div className="panels">
        <Panel title="Preferences">
          <AsyncView state={settings} what="settings">
            {(data) => <SettingsForm settings={data} />}
          </AsyncView>
        </Panel>
        <div className="panel-stack">
          <ApiKeySection />
          <BackupsSection />
          <SystemSection />
          <SupportSection />
          <DeliverabilityPanel />
        </div>
      </div>
    </Screen>
  );
}
