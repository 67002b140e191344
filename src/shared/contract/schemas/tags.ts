import { z } from 'zod';
import { id, isoTime } from './common';

/** Who or what made a change: an import, rule instance, enrichment, person, scrape or API client. */
export const sourceKind = z.enum(['import', 'rule', 'enrichment', 'person', 'scrape', 'api']);

/** A colour as `#rrggbb` (stored lower-case). */
export const tagColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');

/** A tag's name: trimmed, 1 to 80 characters, unique among live tags regardless of case. */
export const tagName = z.string().trim().min(1).max(80).regex(/^\P{Cc}*$/u, 'must not contain control characters');

/** A tag in the catalogue with how many live leads and companies carry it. */
export const tag = z.object({ id, name: z.string(), color: z.string(), leadCount: z.number().int().nonnegative(), companyCount: z.number().int().nonnegative(), createdAt: isoTime });

/** Catalogue tag. */
export type Tag = z.infer<typeof tag>;

/** A tag as applied to one record: when and by what it was added. */
export const appliedTag = z.object({ id, name: z.string(), color: z.string(), addedAt: isoTime, addedBy: z.object({ kind: sourceKind, id: id.nullable() }) });

/** Tag on a record. */
export type AppliedTag = z.infer<typeof appliedTag>;

/** A new tag; without a colour one is picked from the palette. */
export const tagCreateInput = z.strictObject({ name: tagName, color: tagColor.optional() });

/** A rename or recolour; fields not given keep their value. */
export const tagUpdateInput = z.strictObject({ id, name: tagName.optional(), color: tagColor.optional() });

const tagIds = z.array(id).min(1).max(50);

/** Tags to add to or remove from up to 500 leads. */
export const leadTagsInput = z.strictObject({ leadIds: z.array(id).min(1).max(500), tagIds });

/** Tags to add to or remove from up to 500 companies. */
export const companyTagsInput = z.strictObject({ companyIds: z.array(id).min(1).max(500), tagIds });

/** How many tag links an add or remove created or removed (links already in the wanted state are not counted). */
export const tagLinksChanged = z.object({ changed: z.number().int().nonnegative() });

/** What a `tags.changed` event says: which tags, and for link changes which records. */
export const tagsChangedEvent = z.object({
  reason: z.enum(['created', 'updated', 'deleted', 'linked', 'unlinked']),
  tagIds: z.array(id),
  targetKind: z.enum(['lead', 'company']).nullable(),
  targetIds: z.array(id),
});
