import type { AreaId } from '../routing/areas';
import { LeadsScreen } from './leads/leads-screen';
import { PlannedScreen } from './planned/planned-screen';
import { SettingsScreen } from './settings/settings-screen';

interface AreaScreenProps {
  readonly area: AreaId;
}

/** The screen for the current area. */
export function AreaScreen({ area }: AreaScreenProps) {
  switch (area) {
    case 'leads':
      return <LeadsScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return <PlannedScreen area={area} />;
  }
}
