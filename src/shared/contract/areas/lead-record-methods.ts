import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id } from '../schemas/common';
import { companyDetail, companyUpdateInput } from '../schemas/company-detail';
import { deletedRecord, journalUndone, leadDetail, leadUpdateInput } from '../schemas/lead-detail';

const byId = z.strictObject({ id });

/** One lead or company: detail, provenance, history, manual edits, delete/restore and undo of one change. */
export const leadRecordMethods = {
  'leads.get': defineMethod({
    http: 'GET',
    path: '/leads/:id',
    summary: 'One live lead with its company, tags, custom values, field provenance, open reminders, history and activity',
    input: byId,
    output: leadDetail,
  }),
  'leads.update': defineMethod({
    http: 'POST',
    path: '/leads/:id',
    summary: 'Edit some fields of a lead by hand (blank clears); journaled, so it shows in history and can be undone',
    input: leadUpdateInput,
    output: leadDetail,
  }),
  'leads.delete': defineMethod({
    http: 'POST',
    path: '/leads/:id/delete',
    summary: 'Soft-delete a lead; journaled, undo it with journal.undo or leads.restore',
    input: byId,
    output: deletedRecord,
  }),
  'leads.restore': defineMethod({
    http: 'POST',
    path: '/leads/:id/restore',
    summary: 'Bring back a soft-deleted lead (409 when another live lead now holds its email, LinkedIn or Facebook)',
    input: byId,
    output: leadDetail,
  }),
  'companies.get': defineMethod({
    http: 'GET',
    path: '/companies/:id',
    summary: 'One live company with its lead count, first leads, tags, custom values, field provenance and history',
    input: byId,
    output: companyDetail,
  }),
  'companies.update': defineMethod({
    http: 'POST',
    path: '/companies/:id',
    summary: 'Edit some fields of a company by hand (blank clears); journaled and undoable',
    input: companyUpdateInput,
    output: companyDetail,
  }),
  'journal.undo': defineMethod({
    http: 'POST',
    path: '/journal/:id/undo',
    summary: 'Undo one journaled change (insert, update, merge); 409 when a newer change to the same fields would be lost',
    input: byId,
    output: journalUndone,
  }),
} as const;
