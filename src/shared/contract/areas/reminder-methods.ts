/** Reminders on leads. */
export const reminderMethods = {} as const;
