import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id } from '../schemas/common';
import { reminder, reminderCompleteInput, reminderCreateInput, reminderUpdateInput, remindersListInput } from '../schemas/reminders';

/** Reminders on leads. */
export const reminderMethods = {
  'reminders.list': defineMethod({
    http: 'GET',
    path: '/reminders',
    summary: 'Reminders, soonest due first; open ones unless status says otherwise',
    input: remindersListInput,
    output: z.object({ items: z.array(reminder) }),
  }),
  'reminders.due': defineMethod({
    http: 'GET',
    path: '/reminders/due',
    summary: 'Open reminders due now, soonest first (the dashboard panel)',
    input: z.strictObject({}),
    output: z.object({ items: z.array(reminder) }),
  }),
  'reminders.create': defineMethod({ http: 'POST', path: '/reminders', summary: 'A new reminder on a lead', input: reminderCreateInput, output: reminder }),
  'reminders.update': defineMethod({ http: 'POST', path: '/reminders/:id', summary: 'Move a reminder or change its note', input: reminderUpdateInput, output: reminder }),
  'reminders.complete': defineMethod({
    http: 'POST',
    path: '/reminders/:id/complete',
    summary: 'Mark a reminder done (or open again with done: false)',
    input: reminderCompleteInput,
    output: reminder,
  }),
  'reminders.delete': defineMethod({
    http: 'POST',
    path: '/reminders/:id/delete',
    summary: 'Delete a reminder',
    input: z.strictObject({ id }),
    output: z.object({ id }),
  }),
} as const;
