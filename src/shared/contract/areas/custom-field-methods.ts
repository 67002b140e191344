import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id } from '../schemas/common';
import { customField, customFieldCreateInput, customFieldTarget, customFieldUpdateInput } from '../schemas/custom-fields';

/** Custom fields on leads and companies. */
export const customFieldMethods = {
  'customFields.list': defineMethod({
    http: 'GET',
    path: '/custom-fields',
    summary: 'Live custom fields (of one target kind when given), by name',
    input: z.strictObject({ targetKind: customFieldTarget.optional() }),
    output: z.object({ items: z.array(customField) }),
  }),
  'customFields.create': defineMethod({
    http: 'POST',
    path: '/custom-fields',
    summary: 'A new custom field (409 when the name is taken for that target kind, regardless of case)',
    input: customFieldCreateInput,
    output: customField,
  }),
  'customFields.update': defineMethod({
    http: 'POST',
    path: '/custom-fields/:id',
    summary: 'Rename a custom field or change its format or range (the type is fixed)',
    input: customFieldUpdateInput,
    output: customField,
  }),
  'customFields.delete': defineMethod({
    http: 'POST',
    path: '/custom-fields/:id/delete',
    summary: 'Soft-delete a custom field; its values stop showing',
    input: z.strictObject({ id }),
    output: z.object({ id }),
  }),
} as const;
