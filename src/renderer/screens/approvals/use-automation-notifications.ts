import { useEffect } from 'react';
import { on } from '../../lib/call';

const ASKED_KEY = 'outpost.notifications.asked';

/** Shows a browser notification, asking for permission once (remembered) the first time one is wanted. */
async function notify(title: string, body: string): Promise<void> {
  if (typeof Notification === 'undefined') return;
  if (Notification.permission === 'default' && localStorage.getItem(ASKED_KEY) === null) {
    localStorage.setItem(ASKED_KEY, '1');
    await Notification.requestPermission();
  }
  if (Notification.permission === 'granted') new Notification(title, { body, tag: title });
}

/** Notifies when outgoing messages wait for approval and when reminders come due (mounted once, app-wide). */
export function useAutomationNotifications(): void {
  useEffect(() => {
    let lastWaiting = 0;
    const offApprovals = on('approvals.changed', ({ waiting }) => {
      if (waiting > lastWaiting) void notify('Outpost: messages await approval', `${waiting} message${waiting === 1 ? '' : 's'} waiting for your approval`);
      lastWaiting = waiting;
    });
    const offReminders = on('reminders.due', ({ reminders }) => {
      const first = reminders[0];
      if (first) void notify('Outpost: reminder due', `${first.leadLabel ?? `Lead ${first.leadId}`}: ${first.note || 'follow up'}${reminders.length > 1 ? ` (+${reminders.length - 1})` : ''}`);
    });
    return () => {
      offApprovals();
      offReminders();
    };
  }, []);
}
