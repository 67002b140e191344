import { z } from 'zod';
import { id, isoTime } from './common';

/** What a suppression entry is compared with. */
export const suppressionKind = z.enum(['email', 'domain', 'linkedin', 'facebook']);

/** Where an entry came from. */
export const suppressionReason = z.enum(['unsubscribe', 'hard_bounce', 'remove_request', 'complaint', 'operator']);

/** One entry of the suppression list. */
export const suppressionItem = z.object({
  id,
  kind: suppressionKind,
  value: z.string(),
  reason: suppressionReason,
  note: z.string().nullable(),
  outreachId: id.nullable(),
  createdAt: isoTime,
  removedAt: isoTime.nullable(),
  removedNote: z.string().nullable(),
});

/** A suppression entry. */
export type SuppressionItem = z.infer<typeof suppressionItem>;

/** Entries newest first, keyset-paged by id; `search` matches part of the value; `status` live or removed ones. */
export const suppressionsListInput = z.strictObject({
  search: z.string().trim().max(200).optional(),
  kind: suppressionKind.optional(),
  status: z.enum(['live', 'removed']).default('live'),
  beforeId: id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/** Adds an address: an email, a domain, a LinkedIn or Facebook URL (kind guessed from the value unless given). */
export const suppressionAddInput = z.strictObject({
  value: z.string().trim().min(1).max(500),
  kind: suppressionKind.optional(),
  reason: suppressionReason.default('operator'),
  note: z.string().trim().max(1000).optional(),
});

/** Takes an entry off the list, saying why (it stays in the history). */
export const suppressionRemoveInput = z.strictObject({ id, note: z.string().trim().min(1).max(1000) });

/** Imports a list: one address per line, or CSV whose first column is the address (a header row is skipped). */
export const suppressionImportInput = z.strictObject({
  text: z.string().min(1).max(5_000_000),
  reason: suppressionReason.default('operator'),
  note: z.string().trim().max(1000).optional(),
});

/** A lead's lawful-basis note for contacting it (EU contacts); null clears it. */
export const lawfulBasisInput = z.strictObject({ leadId: id, note: z.string().trim().min(1).max(1000).nullable() });

/** A lead's lawful-basis note. */
export const lawfulBasis = z.object({ leadId: id, note: z.string().nullable() });

/** What an import did; errors name the line. */
export const suppressionImportOutput = z.object({
  added: z.number().int(),
  alreadyListed: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
