import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';
import { areaById } from '../../routing/areas';
import { plannedAreas, type PlannedAreaId } from './planned-areas';

interface PlannedScreenProps {
  readonly area: PlannedAreaId;
}

/** An area that is not built yet: what it will hold, and no pretend data. */
export function PlannedScreen({ area }: PlannedScreenProps) {
  return (
    <Screen title={areaById(area).label}>
      <EmptyState title="Not available yet">
        <p>{plannedAreas[area]}</p>
        <p className="muted">This area comes in a later version of Outpost.</p>
      </EmptyState>
    </Screen>
  );
}
