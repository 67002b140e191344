import type { outreachMethods } from '../../../shared/contract/areas/outreach-methods';
import type { OutreachItem } from '../../../shared/contract/schemas/outreach';
import { LeadMergeValues, type LeadMergeData } from '../../outreach/lead-merge-values';
import { OutreachRecords } from '../../outreach/outreach-records';
import { renderForLead } from '../../outreach/render-for-lead';
import { SuppressionList } from '../../outreach/suppression-check';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

/** Previewing, composing, approving and listing outreach; changes emit `outreach.changed`. */
export const outreachHandlers = (s: Services): Pick<Handlers, keyof typeof outreachMethods> => {
  const merge = new LeadMergeValues(s.store.sqlite);
  const records = new OutreachRecords(s.store.sqlite, () => s.clock.now());
  const suppressions = new SuppressionList(s.store.sqlite);
  const lead = (leadId: number): LeadMergeData => {
    const data = merge.of(leadId);
    if (!data) throw new ApiError('not_found', `leadId: lead ${leadId} does not exist`);
    return data;
  };
  const changed = (reason: 'composed' | 'approved', item: OutreachItem): OutreachItem => {
    s.bus.emit('outreach.changed', { reason, outreachId: item.id, leadId: item.leadId });
    return item;
  };
  return {
    'outreach.preview': async ({ leadId, ...template }) => renderForLead(leadId, lead(leadId), template),
    'outreach.compose': async ({ leadId, profileId, ...template }) => {
      const data = lead(leadId);
      const address = typeof data.values.email === 'string' ? data.values.email.trim() : '';
      if (!address) throw new ApiError('bad_request', `leadId: lead ${leadId} has no email address`);
      if (profileId !== undefined && !records.canSendEmail(profileId)) throw new ApiError('bad_request', `profileId: profile ${profileId} does not exist or cannot send email`);
      const suppressed = suppressions.reasonFor(address);
      if (suppressed) throw new ApiError('conflict', `leadId: ${suppressed}`);
      const rendered = renderForLead(leadId, data, template);
      if (rendered.unknown.length) throw new ApiError('bad_request', `body: unknown merge fields ${rendered.unknown.join(', ')}`);
      const item = records.compose({ leadId, profileId: profileId ?? null, address, subject: rendered.subject, body: rendered.body, html: rendered.html });
      return changed('composed', item);
    },
    'outreach.approve': async ({ id }) => {
      if (!records.get(id)) throw new ApiError('not_found', `id: outreach ${id} does not exist`);
      if (!records.approve(id)) throw new ApiError('conflict', `id: outreach ${id} is not an outgoing message waiting for approval`);
      return changed('approved', records.get(id) as OutreachItem);
    },
    'outreach.list': async ({ leadId, limit }) => ({ items: records.list(leadId, limit) }),
  };
};
