import { z } from 'zod';
import { defineMethod } from '../define-method';
import {
  approvalAutoInput,
  approvalDecideInput,
  approvalDecideOutput,
  approvalEditInput,
  approvalItem,
  approvalsListInput,
  taskItem,
} from '../schemas/approvals';
import { id } from '../schemas/common';

/** The approval queue of outgoing messages, and manual tasks of sequences. */
export const approvalMethods = {
  'approvals.list': defineMethod({
    http: 'GET',
    path: '/approvals',
    summary: 'Outgoing messages waiting for approval, rendered for their lead, with what created them and unknown merge fields',
    input: approvalsListInput,
    output: z.object({ items: z.array(approvalItem), waiting: z.number().int() }),
  }),
  'approvals.edit': defineMethod({
    http: 'POST',
    path: '/approvals/:id',
    summary: "Rewrite a waiting message's subject or body (merge fields are rendered for the lead)",
    input: approvalEditInput,
    output: approvalItem,
  }),
  'approvals.approve': defineMethod({
    http: 'POST',
    path: '/approvals/approve',
    summary: 'Approve messages by id or all matching a filter; ones with unknown merge fields are skipped',
    input: approvalDecideInput,
    output: approvalDecideOutput,
  }),
  'approvals.reject': defineMethod({
    http: 'POST',
    path: '/approvals/reject',
    summary: 'Reject messages by id or all matching a filter: they are canceled and never sent',
    input: approvalDecideInput,
    output: approvalDecideOutput,
  }),
  'approvals.autoApprove': defineMethod({
    http: 'POST',
    path: '/approvals/:id/auto',
    summary: 'Switch the rule or sequence step that created this message to auto-approve, approving what waits from it',
    input: approvalAutoInput,
    output: z.object({ origin: z.enum(['rule', 'step']), approved: z.number().int() }),
  }),
  'approvals.tasks': defineMethod({
    http: 'GET',
    path: '/tasks',
    summary: 'Manual tasks of sequences waiting to be done, soonest first',
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ items: z.array(taskItem) }),
  }),
  'approvals.completeTask': defineMethod({
    http: 'POST',
    path: '/tasks/:id/complete',
    summary: 'Mark a manual task done; the sequence counts its next delay from now',
    input: z.strictObject({ id }),
    output: z.object({ id }),
  }),
} as const;
