import type { inboxMethods } from '../../../shared/contract/areas/inbox-methods';
import { InboxQueries } from '../../inbox/inbox-queries';
import { ManualReplies, ReplyRefusal } from '../../inbox/manual-reply';
import { OutreachRecords } from '../../outreach/outreach-records';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

/** The Inbox: leads by their newest incoming message, and a lead's conversation. */
export const inboxHandlers = (s: Services): Pick<Handlers, keyof typeof inboxMethods> => {
  const queries = new InboxQueries(s.store.sqlite);
  const replies = new ManualReplies(s.store.sqlite, () => s.clock.now());
  const records = new OutreachRecords(s.store.sqlite, () => s.clock.now());
  return {
    'inbox.list': async ({ kind, profileId, after, limit }) => ({
      items: queries.leads({ kind, profileId, after: after === undefined ? undefined : Date.parse(after), limit }),
    }),
    'inbox.thread': async ({ leadId }) => {
      const conversation = queries.conversation(leadId);
      if (!conversation) throw new ApiError('not_found', `leadId: lead ${leadId} does not exist`);
      return { leadId, ...conversation };
    },
    'inbox.reply': async (input) => {
      let id: number;
      try {
        id = replies.reply(input);
      } catch (error) {
        throw error instanceof ReplyRefusal ? new ApiError(error.code, error.message, [{ path: 'outreachId', message: error.message }]) : error;
      }
      const item = records.get(id);
      if (!item) throw new Error(`reply ${id} vanished`);
      s.bus.emit('outreach.changed', { reason: 'approved', outreachId: id, leadId: item.leadId });
      return item;
    },
  };
};
