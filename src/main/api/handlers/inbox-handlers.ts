import type { inboxMethods } from '../../../shared/contract/areas/inbox-methods';
import { InboxQueries } from '../../inbox/inbox-queries';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

/** The Inbox: leads by their newest incoming message, and a lead's conversation. */
export const inboxHandlers = (s: Services): Pick<Handlers, keyof typeof inboxMethods> => {
  const queries = new InboxQueries(s.store.sqlite);
  return {
    'inbox.list': async ({ kind, profileId, after, limit }) => ({
      items: queries.leads({ kind, profileId, after: after === undefined ? undefined : Date.parse(after), limit }),
    }),
    'inbox.thread': async ({ leadId }) => {
      const conversation = queries.conversation(leadId);
      if (!conversation) throw new ApiError('not_found', `leadId: lead ${leadId} does not exist`);
      return { leadId, ...conversation };
    },
  };
};
