import type { AreaId } from '../routing/areas';
import { CompaniesScreen } from './companies/companies-screen';
import { ImportsScreen } from './imports/imports-screen';
import { InboxScreen } from './inbox/inbox-screen';
import { LeadsScreen } from './leads/leads-screen';
import { OutboxScreen } from './outbox/outbox-screen';
import { MonitoringScreen } from './monitoring/monitoring-screen';
import { PlannedScreen } from './planned/planned-screen';
import { ProfilesScreen } from './profiles/profiles-screen';
import { SettingsScreen } from './settings/settings-screen';
import { TagsScreen } from './tags/tags-screen';

interface AreaScreenProps {
  readonly area: AreaId;
}

/** The screen for the current area. */
export function AreaScreen({ area }: AreaScreenProps) {
  switch (area) {
    case 'leads':
      return <LeadsScreen />;
    case 'companies':
      return <CompaniesScreen />;
    case 'imports':
      return <ImportsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'outbox':
      return <OutboxScreen />;
    case 'tags':
      return <TagsScreen />;
    case 'monitoring':
      return <MonitoringScreen />;
    case 'profiles':
      return <ProfilesScreen />;
    case 'inbox':
      return <InboxScreen />;
    default:
      return <PlannedScreen area={area} />;
  }
}
