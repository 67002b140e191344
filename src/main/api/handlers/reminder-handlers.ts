import { dueReminders } from '../../reminders/due-watch';
import type { Services } from '../../services';
import type { Reminder } from '../../../shared/contract/schemas/reminders';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';
import type { reminderMethods } from '../../../shared/contract/areas/reminder-methods';

const found = (id: number, reminder: Reminder | null): Reminder => {
  if (!reminder) throw new ApiError('not_found', `reminder ${id} does not exist`);
  return reminder;
};

const ms = (iso: string | undefined): number | undefined => (iso === undefined ? undefined : Date.parse(iso));

/** Reminders on leads; every change emits `reminders.changed`. */
export const reminderHandlers = (s: Services): Pick<Handlers, keyof typeof reminderMethods> => {
  const changed = (reason: 'created' | 'updated' | 'deleted', reminder: Reminder): Reminder => {
    s.bus.emit('reminders.changed', { reason, reminderId: reminder.id, leadId: reminder.leadId });
    return reminder;
  };
  return {
    'reminders.list': async ({ leadId, dueBefore, status, limit }) => ({ items: s.reminders.list({ leadId, dueBefore: ms(dueBefore), status, limit }) }),
    'reminders.due': async () => ({ items: dueReminders(s.reminders, s.clock.now()) }),
    'reminders.create': async ({ leadId, dueAt, note }) => {
      const reminder = s.reminders.create(leadId, Date.parse(dueAt), note);
      if (!reminder) throw new ApiError('not_found', `leadId: lead ${leadId} does not exist`);
      return changed('created', reminder);
    },
    'reminders.update': async ({ id, dueAt, note }) => changed('updated', found(id, s.reminders.update(id, { dueAt: ms(dueAt), note }))),
    'reminders.complete': async ({ id, done }) => changed('updated', found(id, s.reminders.complete(id, done))),
    'reminders.delete': async ({ id }) => {
      const reminder = found(id, s.reminders.get(id));
      s.reminders.delete(id);
      changed('deleted', reminder);
      return { id };
    },
  };
};
