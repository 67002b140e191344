import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id } from '../schemas/common';
import { inboxLeadEntry, inboxListInput, inboxMessageView, inboxReplyInput, inboxThreadInput } from '../schemas/inbox';
import { outreachItem } from '../schemas/outreach';

/** The Inbox: replies, bounces, out-of-office and unsubscribe messages by lead. */
export const inboxMethods = {
  'inbox.list': defineMethod({
    http: 'GET',
    path: '/inbox',
    summary: 'Leads with incoming messages, newest first, each with its latest message and classification',
    input: inboxListInput,
    output: z.object({ items: z.array(inboxLeadEntry) }),
  }),
  'inbox.thread': defineMethod({
    http: 'GET',
    path: '/inbox/leads/:leadId',
    summary: "A lead's conversation: incoming and outgoing messages, oldest first",
    input: inboxThreadInput,
    output: z.object({ leadId: id, leadLabel: z.string().nullable(), items: z.array(inboxMessageView) }),
  }),
  'inbox.reply': defineMethod({
    http: 'POST',
    path: '/inbox/messages/:outreachId/reply',
    summary:
      'Answer an incoming email: an outgoing message from the mailbox that received it, threaded under it (In-Reply-To, References, "Re:" subject), ' +
      'approved and due now; refused when the lead is suppressed or the mailbox is gone',
    input: inboxReplyInput,
    output: outreachItem,
  }),
} as const;
