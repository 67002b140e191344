import type { timelineMethods } from '../../../shared/contract/areas/timeline-methods';
import { toIsoOrNull } from '../../../shared/iso-time';
import type { Services } from '../../services';
import { readSeries } from '../../timeline/timeline-series';
import type { Handlers } from '../handler-types';

/** Timeline series and rebuild. */
export const timelineHandlers = (s: Services): Pick<Handlers, keyof typeof timelineMethods> => ({
  'timeline.series': async (input) => readSeries(s.store.sqlite, input, input.timezone ?? (await s.settings.get()).timezone),
  'timeline.rebuild': async () => {
    s.timeline.requestRebuild();
    s.bus.emit('timeline.changed', { rebuilding: true, counted: 0 });
    return { rebuilding: s.timeline.rebuilding, lastFoldAt: toIsoOrNull(s.timeline.lastFoldAt) };
  },
});
