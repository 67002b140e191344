import type { AreaId } from '../routing/areas';
import { ApprovalsScreen } from './approvals/approvals-screen';
import { CompaniesScreen } from './companies/companies-screen';
import { ImportsScreen } from './imports/imports-screen';
import { InboxScreen } from './inbox/inbox-screen';
import { JobsScreen } from './jobs/jobs-screen';
import { LeadsScreen } from './leads/leads-screen';
import { OverviewScreen } from './overview/overview-screen';
import { OutboxScreen } from './outbox/outbox-screen';
import { MonitoringScreen } from './monitoring/monitoring-screen';
import { PlannedScreen } from './planned/planned-screen';
import { ProfilesScreen } from './profiles/profiles-screen';
import { RulesScreen } from './rules/rules-screen';
import { SequencesScreen } from './sequences/sequences-screen';
import { SettingsScreen } from './settings/settings-screen';
import { SourcesScreen } from './sources/sources-screen';
import { SuppressionScreen } from './suppression/suppression-screen';
import { TagsScreen } from './tags/tags-screen';

interface AreaScreenProps {
  readonly area: AreaId;
}

/** The screen for the current area. */
export function AreaScreen({ area }: AreaScreenProps) {
  switch (area) {
    case 'overview':
      return <OverviewScreen />;
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
    case 'rules':
      return <RulesScreen />;
    case 'sources':
      return <SourcesScreen />;
    case 'jobs':
      return <JobsScreen />;
    case 'sequences':
      return <SequencesScreen />;
    case 'approvals':
      return <ApprovalsScreen />;
    case 'suppression':
      return <SuppressionScreen />;
    default:
      return <PlannedScreen area={area} />;
  }
}
