import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id, noInput } from '../schemas/common';
import { companyTagsInput, leadTagsInput, tag, tagCreateInput, tagLinksChanged, tagUpdateInput } from '../schemas/tags';

/** Tags: the catalogue of names and colours, and tagging leads and companies. */
export const tagMethods = {
  'tags.list': defineMethod({
    http: 'GET',
    path: '/tags',
    summary: 'Live tags by name, with how many live leads and companies carry each',
    input: noInput,
    output: z.object({ items: z.array(tag) }),
  }),
  'tags.create': defineMethod({
    http: 'POST',
    path: '/tags',
    summary: 'A new tag (409 when the name is taken, regardless of case); a colour is picked when none is given',
    input: tagCreateInput,
    output: tag,
  }),
  'tags.update': defineMethod({ http: 'POST', path: '/tags/:id', summary: 'Rename or recolour a tag', input: tagUpdateInput, output: tag }),
  'tags.delete': defineMethod({
    http: 'POST',
    path: '/tags/:id/delete',
    summary: 'Soft-delete a tag and remove its links (recorded as removed by a person)',
    input: z.strictObject({ id }),
    output: z.object({ id, linksRemoved: z.number().int().nonnegative() }),
  }),
  'leads.addTags': defineMethod({ http: 'POST', path: '/leads/tags/add', summary: 'Add tags to up to 500 leads', input: leadTagsInput, output: tagLinksChanged }),
  'leads.removeTags': defineMethod({
    http: 'POST',
    path: '/leads/tags/remove',
    summary: 'Remove tags from up to 500 leads',
    input: leadTagsInput,
    output: tagLinksChanged,
  }),
  'companies.addTags': defineMethod({
    http: 'POST',
    path: '/companies/tags/add',
    summary: 'Add tags to up to 500 companies',
    input: companyTagsInput,
    output: tagLinksChanged,
  }),
  'companies.removeTags': defineMethod({
    http: 'POST',
    path: '/companies/tags/remove',
    summary: 'Remove tags from up to 500 companies',
    input: companyTagsInput,
    output: tagLinksChanged,
  }),
} as const;
