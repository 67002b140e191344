import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id } from '../schemas/common';
import { outreachPreview } from '../schemas/outreach';
import {
  enrollmentItem,
  enrollmentsListInput,
  sequenceCreateInput,
  sequenceDetail,
  sequenceEnrollInput,
  sequenceEnrollOutput,
  sequencePreviewInput,
  sequenceSummary,
  sequenceUpdateInput,
} from '../schemas/sequences';

/** Multichannel sequences, their enrollments and previews. */
export const sequenceMethods = {
  'sequences.list': defineMethod({
    http: 'GET',
    path: '/sequences',
    summary: 'Sequences newest first, with step and enrollment counts',
    input: z.strictObject({}),
    output: z.object({ items: z.array(sequenceSummary) }),
  }),
  'sequences.get': defineMethod({
    http: 'GET',
    path: '/sequences/:id',
    summary: 'A sequence with its steps, variants, results per variant and unknown merge fields',
    input: z.strictObject({ id }),
    output: sequenceDetail,
  }),
  'sequences.create': defineMethod({ http: 'POST', path: '/sequences', summary: 'A new sequence with its steps', input: sequenceCreateInput, output: sequenceDetail }),
  'sequences.update': defineMethod({
    http: 'POST',
    path: '/sequences/:id',
    summary: 'Change a sequence; new steps apply to what is not sent yet, never to what was sent',
    input: sequenceUpdateInput,
    output: sequenceDetail,
  }),
  'sequences.delete': defineMethod({
    http: 'POST',
    path: '/sequences/:id/delete',
    summary: 'Delete a sequence; its running enrollments stop and their unsent messages are aborted',
    input: z.strictObject({ id }),
    output: z.object({ id }),
  }),
  'sequences.enroll': defineMethod({
    http: 'POST',
    path: '/sequences/:id/enroll',
    summary: 'Enroll leads by id or every lead matching a filter; refusals are counted by reason',
    input: sequenceEnrollInput,
    output: sequenceEnrollOutput,
  }),
  'sequences.enrollments': defineMethod({
    http: 'GET',
    path: '/sequences/:id/enrollments',
    summary: 'Enrollments of a sequence, newest first',
    input: enrollmentsListInput,
    output: z.object({ items: z.array(enrollmentItem) }),
  }),
  'sequences.stopEnrollment': defineMethod({
    http: 'POST',
    path: '/enrollments/:id/stop',
    summary: 'Stop one enrollment by hand; its unsent messages are aborted',
    input: z.strictObject({ id }),
    output: z.object({ id, stopped: z.boolean() }),
  }),
  'sequences.preview': defineMethod({
    http: 'GET',
    path: '/sequences/:id/preview',
    summary: "A step's variant rendered for one lead (the variant that lead would get unless variantId says otherwise)",
    input: sequencePreviewInput,
    output: outreachPreview.extend({ stepId: id, variantId: id }),
  }),
} as const;
