import { ConfirmAction } from '../../components/confirm-action';
import { call } from '../../lib/call';

interface RebuildTimelineProps {
  readonly rebuilding: boolean;
  readonly onStarted: () => void;
}

/** The timeline's state and the button that recounts it from scratch. */
export function RebuildTimeline({ rebuilding, onStarted }: RebuildTimelineProps) {
  if (rebuilding) return <span role="status">Rebuilding…</span>;
  return (
    <ConfirmAction
      label="Rebuild timeline"
      confirmLabel="Confirm rebuild"
      groupLabel="Confirm timeline rebuild"
      warning="Every counter is deleted and counted again from the work items; charts fill in again within moments."
      failure="The rebuild did not start"
      run={() => call('timeline.rebuild', {}).then(onStarted)}
    />
  );
}
