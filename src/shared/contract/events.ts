import { z } from 'zod';
import { bulkOperation } from './schemas/bulk';
import { importSummary } from './schemas/imports';
import { inboxReceivedEvent } from './schemas/inbox';
import { connectivityView } from './schemas/outbox';
import { outreachChangedEvent } from './schemas/outreach';
import { profileView } from './schemas/profiles';
import { quotasChangedEvent } from './schemas/quotas';
import { settings } from './schemas/settings';
import { remindersChangedEvent } from './schemas/reminders';
import { tagsChangedEvent } from './schemas/tags';
import { timelineChangedEvent } from './schemas/timeline';
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
  'leads.changed': z.object({ reason: z.enum(['demo', 'import', 'merge', 'edit', 'bulk']), total: z.number().int().nonnegative() }),
} as const;

/** The names of push events. */
export type EventName = keyof typeof events;

/** The payload of a push event. */
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

/** True for names that exist in the events map. */
export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && Object.hasOwn(events, name);
