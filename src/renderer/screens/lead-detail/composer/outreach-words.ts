import type { OutreachItem } from '../../../../shared/contract/schemas/outreach';

/** Whether the operator can approve this item now. */
export const awaitsApproval = (item: OutreachItem): boolean => item.direction === 'outgoing' && item.status === 'pending' && item.approval === 'pending';

/** Where an outreach item stands, in words ("Awaiting approval", "Sent", "Failed: 550 user unknown"). */
export function outreachStatusText(item: OutreachItem): string {
  if (item.direction === 'incoming') return 'Received';
  if (awaitsApproval(item)) return 'Awaiting approval';
  if (item.approval === 'rejected') return 'Rejected';
  switch (item.status) {
    case 'pending':
      return 'Approved, waiting to be sent';
    case 'running':
      return 'Sending';
    case 'performed':
      return item.direction === 'accepted' ? 'Accepted' : 'Sent';
    case 'failed':
      return `Failed${item.errorText ? `: ${item.errorText}` : ''}`;
    case 'unknown':
      return 'Outcome unknown: being checked in the Sent folder';
    case 'aborted':
      return 'Stopped';
    case 'canceled':
      return 'Canceled';
  }
}

/** Which way a message went, in words. */
export const directionText: Readonly<Record<OutreachItem['direction'], string>> = { outgoing: 'To lead', incoming: 'From lead', accepted: 'Accepted' };
