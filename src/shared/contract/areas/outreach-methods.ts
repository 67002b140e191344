import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id } from '../schemas/common';
import { outreachComposeInput, outreachItem, outreachListInput, outreachPreview, outreachPreviewInput } from '../schemas/outreach';

/** Composing, previewing, approving and listing outreach. */
export const outreachMethods = {
  'outreach.preview': defineMethod({
    http: 'POST',
    path: '/outreach/preview',
    summary: 'Render a subject and body for a lead (merge fields, spintax) and flag unknown or empty fields',
    input: outreachPreviewInput,
    output: outreachPreview,
  }),
  'outreach.compose': defineMethod({
    http: 'POST',
    path: '/outreach',
    summary: 'Create an outgoing email to a lead, rendered now, waiting for approval',
    input: outreachComposeInput,
    output: outreachItem,
  }),
  'outreach.approve': defineMethod({
    http: 'POST',
    path: '/outreach/:id/approve',
    summary: 'Approve an outgoing message so it can be sent',
    input: z.strictObject({ id }),
    output: outreachItem,
  }),
  'outreach.list': defineMethod({
    http: 'GET',
    path: '/outreach',
    summary: 'Outreach newest first, of one lead or all',
    input: outreachListInput,
    output: z.object({ items: z.array(outreachItem) }),
  }),
} as const;
