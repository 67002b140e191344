import { z } from 'zod';
import { approvalsChangedEvent } from './schemas/approvals';
import { bulkOperation } from './schemas/bulk';
import { importSummary } from './schemas/imports';
import { inboxReceivedEvent } from './schemas/inbox';
import { connectivityView } from './schemas/outbox';
import { outreachChangedEvent } from './schemas/outreach';
import { profileView } from './schemas/profiles';
import { quotasChangedEvent } from './schemas/quotas';
import { settings } from './schemas/settings';
import { jobsChangedEvent, sourcesChangedEvent } from './schemas/sources';
import { rulesChangedEvent } from './schemas/rules';
import { remindersChangedEvent, remindersDueEvent } from './schemas/reminders';
import { sequencesChangedEvent } from './schemas/sequences';
import { tagsChangedEvent } from './schemas/tags';
import { timelineChangedEvent } from './schemas/timeline';
import { updateState } from './schemas/updates';
import { workChangedEvent } from './schemas/work-items';

/** Events the core pushes to the dashboard (IPC in the desktop, Server-Sent Events in the browser edition). */
export const events = {
  'settings.changed': settings,
  'imports.progress': importSummary,
  'bulk.progress': bulkOperation,
  'tags.changed': tagsChangedEvent,
  'reminders.changed': remindersChangedEvent,
  'profiles.state': profileView,
  'timeline.changed': timelineChangedEvent,
  'outreach.changed': outreachChangedEvent,
  'work.changed': workChangedEvent,
  'connectivity.changed': connectivityView,
  'quotas.changed': quotasChangedEvent,
  'inbox.received': inboxReceivedEvent,
  'update.state': updateState,
  /** Desktop only: a deep link (`outpost://lead/<id>`) or a clicked notification asks the dashboard to show an area, or a lead. */
  'app.open': z.object({ area: z.string().regex(/^[a-z]+$/), leadId: z.number().int().positive().optional() }),
  'sources.changed': sourcesChangedEvent,
  'jobs.changed': jobsChangedEvent,
  'leads.changed': z.object({ reason: z.enum(['demo', 'import', 'merge', 'edit', 'bulk']), total: z.number().int().nonnegative() }),
  'sequences.changed': sequencesChangedEvent,
  'approvals.changed': approvalsChangedEvent,
  'reminders.due': remindersDueEvent,
  'rules.changed': rulesChangedEvent,
} as const;

/** The names of push events. */
export type EventName = keyof typeof events;

/** The payload of a push event. */
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

/** True for names that exist in the events map. */
export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && Object.hasOwn(events, name);
