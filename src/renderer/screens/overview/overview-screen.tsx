import { Screen } from '../../components/screen';
import { AttentionPanel } from './attention-panel';
import { RunningWorkPanel } from './running-work-panel';
import { TimelinePanel } from './timeline-panel';
import { TodayFigures } from './today-figures';
import './overview.css';

/** The home screen: today's work, what needs attention, what is running, and the outreach timeline, all kept live. */
export function OverviewScreen() {
  return (
    <Screen title="Overview">
      <div className="overview-grid">
        <TodayFigures />
        <AttentionPanel />
        <RunningWorkPanel />
      </div>
      <TimelinePanel />
    </Screen>
  );
}
