import type { AreaId } from '../routing/areas';
import { ImportsScreen } from './imports/imports-screen';
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
    case 'imports':
      return <ImportsScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return <PlannedScreen area={area} />;
  }
}
