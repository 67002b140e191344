import type { Database } from 'better-sqlite3';
import type { AppliedTag, Tag } from '../../../shared/contract/schemas/tags';
import { toIso } from '../../../shared/iso-time';
import { ApiError } from '../../api/api-error';

/** Leads or companies: the records tags are put on through the API. */
export type TaggedKind = 'lead' | 'company';

/** Who adds or removes a tag link. */
export interface TagActor {
  readonly kind: 'import' | 'rule' | 'enrichment' | 'person' | 'scrape' | 'api';
  readonly id: number | null;
}

interface TagRow {
  id: number;
  name: string;
  color: string;
  created_at: number;
  lead_count: number;
  company_count: number;
}

// Distinct, readable on white and dark; a new tag takes the one fewest live tags use.
const PALETTE = ['#2457d6', '#d64545', '#2e9e5b', '#c77c0e', '#8a4fd1', '#0f8a8a', '#c2418f', '#5c6b7a', '#7a9a1f', '#b5562a'];

/** Longest a cached tag list is reused without an invalidation, as a net for a writer that emits no event. */
const LIST_MAX_AGE_MS = 5000;

const TABLES: Record<TaggedKind, string> = { lead: 'leads', company: 'companies' };

const SELECT_TAG = `SELECT t.id, t.name, t.color, t.created_at,
  (SELECT count(*) FROM tag_links l JOIN leads r ON r.id = l.target_id AND r.deleted_at IS NULL
    WHERE l.tag_id = t.id AND l.target_kind = 'lead' AND l.removed_at IS NULL) AS lead_count,
  (SELECT count(*) FROM tag_links l JOIN companies r ON r.id = l.target_id AND r.deleted_at IS NULL
    WHERE l.tag_id = t.id AND l.target_kind = 'company' AND l.removed_at IS NULL) AS company_count
  FROM tags t WHERE t.deleted_at IS NULL`;

const toTag = (r: TagRow): Tag => ({ id: r.id, name: r.name, color: r.color, leadCount: r.lead_count, companyCount: r.company_count, createdAt: toIso(r.created_at) });

/** The tag catalogue and tag links on leads and companies. */
export class TagsRepo {
  // Counting live records per tag touches every link (~0.5 s for 400k links): the list is reused until `invalidate`
  // (which the core calls on every bus event: imports, bulk operations and edits all emit one) or for at most a few seconds.
  private cached: { at: number; tags: Tag[] } | null = null;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {}

  /** Live tags by name (case-insensitive) with live lead and company counts. */
  list(): Tag[] {
    const at = this.now();
    if (!this.cached || at - this.cached.at > LIST_MAX_AGE_MS || at < this.cached.at) {
      this.cached = { at, tags: this.sqlite.prepare<[], TagRow>(`${SELECT_TAG} ORDER BY t.name COLLATE NOCASE, t.id`).all().map(toTag) };
    }
    return this.cached.tags;
  }

  /** Forgets the cached list, after something may have changed tags, links or which records are live. */
  invalidate(): void {
    this.cached = null;
  }

  /** One live tag, or null. */
  get(id: number): Tag | null {
    const row = this.sqlite.prepare<[number], TagRow>(`${SELECT_TAG} AND t.id = ?`).get(id);
    return row ? toTag(row) : null;
  }

  /** A new tag; 409 when a live tag already has the name in any case. */
  create(name: string, color: string | undefined): Tag {
    const at = this.now();
    this.refuseTakenName(name, null);
    this.invalidate();
    const id = Number(
      this.sqlite.prepare('INSERT INTO tags (name, color, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, color?.toLowerCase() ?? this.nextColor(), at, at)
        .lastInsertRowid,
    );
    return this.get(id) as Tag;
  }

  /** Renames or recolours a live tag; null when it does not exist. */
  update(id: number, patch: { name?: string | undefined; color?: string | undefined }): Tag | null {
    const current = this.get(id);
    if (!current) return null;
    if (patch.name !== undefined) this.refuseTakenName(patch.name, id);
    this.invalidate();
    this.sqlite
      .prepare('UPDATE tags SET name = ?, color = ?, updated_at = ? WHERE id = ?')
      .run(patch.name ?? current.name, patch.color?.toLowerCase() ?? current.color, this.now(), id);
    return this.get(id);
  }

  /** Soft-deletes a tag and removes its live links on behalf of `by`; null when it does not exist. */
  delete(id: number, by: TagActor): { id: number; linksRemoved: number } | null {
    this.invalidate();
    return this.sqlite.transaction(() => {
      const at = this.now();
      const gone = this.sqlite.prepare('UPDATE tags SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, at, id);
      if (gone.changes === 0) return null;
      const links = this.sqlite
        .prepare('UPDATE tag_links SET removed_by_kind = ?, removed_by_id = ?, removed_at = ? WHERE tag_id = ? AND removed_at IS NULL')
        .run(by.kind, by.id, at, id);
      return { id, linksRemoved: links.changes };
    })();
  }

  /** Adds every tag to every record; 404 naming the first missing tag or record. Returns the links created. */
  link(kind: TaggedKind, targetIds: readonly number[], tagIds: readonly number[], by: TagActor): number {
    this.invalidate();
    return this.sqlite.transaction(() => {
      this.requireLive(kind, targetIds, tagIds);
      const at = this.now();
      // The partial unique index on live links makes an existing link a no-op.
      const insert = this.sqlite.prepare(
        'INSERT OR IGNORE INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_by_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      let changed = 0;
      for (const tagId of new Set(tagIds)) for (const targetId of new Set(targetIds)) changed += insert.run(tagId, kind, targetId, by.kind, by.id, at).changes;
      return changed;
    })();
  }

  /** Removes every tag from every record, recording who removed it; returns the links removed. */
  unlink(kind: TaggedKind, targetIds: readonly number[], tagIds: readonly number[], by: TagActor): number {
    this.invalidate();
    return this.sqlite.transaction(() => {
      this.requireLive(kind, targetIds, tagIds);
      const remove = this.sqlite.prepare(
        'UPDATE tag_links SET removed_by_kind = ?, removed_by_id = ?, removed_at = ? WHERE tag_id = ? AND target_kind = ? AND target_id = ? AND removed_at IS NULL',
      );
      const at = this.now();
      let changed = 0;
      for (const tagId of new Set(tagIds)) for (const targetId of new Set(targetIds)) changed += remove.run(by.kind, by.id, at, tagId, kind, targetId).changes;
      return changed;
    })();
  }

  /** The live tags on one record, by name, with when and by what each was added. */
  applied(kind: TaggedKind, targetId: number): AppliedTag[] {
    return this.sqlite
      .prepare<[string, number], { id: number; name: string; color: string; created_at: number; created_by_kind: AppliedTag['addedBy']['kind']; created_by_id: number | null }>(
        `SELECT t.id, t.name, t.color, l.created_at, l.created_by_kind, l.created_by_id FROM tag_links l JOIN tags t ON t.id = l.tag_id AND t.deleted_at IS NULL
         WHERE l.target_kind = ? AND l.target_id = ? AND l.removed_at IS NULL ORDER BY t.name COLLATE NOCASE`,
      )
      .all(kind, targetId)
      .map((r) => ({ id: r.id, name: r.name, color: r.color, addedAt: toIso(r.created_at), addedBy: { kind: r.created_by_kind, id: r.created_by_id } }));
  }

  private refuseTakenName(name: string, self: number | null): void {
    const holder = this.sqlite.prepare<[string], { id: number }>('SELECT id FROM tags WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL').get(name);
    if (holder && holder.id !== self) throw new ApiError('conflict', `name: a tag named ${JSON.stringify(name)} already exists (tag ${holder.id})`);
  }

  private requireLive(kind: TaggedKind, targetIds: readonly number[], tagIds: readonly number[]): void {
    const tag = this.sqlite.prepare<[number], { id: number }>('SELECT id FROM tags WHERE id = ? AND deleted_at IS NULL');
    const missingTag = tagIds.find((id) => !tag.get(id));
    if (missingTag !== undefined) throw new ApiError('not_found', `tagIds: tag ${missingTag} does not exist`);
    const target = this.sqlite.prepare<[number], { id: number }>(`SELECT id FROM ${TABLES[kind]} WHERE id = ? AND deleted_at IS NULL`);
    const missing = targetIds.find((id) => !target.get(id));
    if (missing !== undefined) throw new ApiError('not_found', `${kind}Ids: ${kind} ${missing} does not exist`);
  }

  private nextColor(): string {
    const used = new Map(
      this.sqlite
        .prepare<[], { color: string; n: number }>('SELECT color, count(*) AS n FROM tags WHERE deleted_at IS NULL GROUP BY color')
        .all()
        .map((r) => [r.color, r.n]),
    );
    return PALETTE.reduce((best, color) => ((used.get(color) ?? 0) < (used.get(best) ?? 0) ? color : best));
  }
}
