import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TagsRepo } from '../../../../src/main/store/repos/tags-repo';
import { openStore } from '../../../../src/main/store/store';
import { tempDir } from '../../../helpers/temp-dir';

function repo(): TagsRepo {
  const store = openStore(join(tempDir(), 'outpost.db'));
  onTestFinished(() => store.close());
  return new TagsRepo(store.sqlite, Date.now);
}

describe('TagsRepo', () => {
  it('picks the palette colour fewest live tags use, so new tags look different until the palette runs out', () => {
    const tags = repo();
    const colours = Array.from({ length: 10 }, (_, i) => tags.create(`t${i}`, undefined).color);
    expect(new Set(colours).size).toBe(10);
    expect(tags.create('t10', undefined).color).toBe(colours[0]);
    const third = tags.list().find((t) => t.color === colours[2]);
    tags.delete(third?.id as number, { kind: 'person', id: null });
    expect(tags.create('t11', undefined).color).toBe(colours[2]);
  });

  it('frees a deleted tag’s name and refuses a live one in another case', () => {
    const tags = repo();
    const old = tags.create('Hot', undefined);
    expect(() => tags.create('hOT', undefined)).toThrow('name: a tag named "hOT" already exists');
    tags.delete(old.id, { kind: 'person', id: null });
    expect(tags.create('hot', '#FFFFFF')).toMatchObject({ name: 'hot', color: '#ffffff' });
  });
});

describe('TagsRepo counts', () => {
  it('counts live leads only, recounting after an invalidation (the core invalidates on every bus event)', () => {
    const store = openStore(join(tempDir(), 'outpost.db'));
    onTestFinished(() => store.close());
    const tags = new TagsRepo(store.sqlite, Date.now);
    const hot = tags.create('Hot', undefined);
    const lead = (deleted: number | null) =>
      Number(store.sqlite.prepare('INSERT INTO leads (first_name, created_at, updated_at, deleted_at) VALUES (?, 1, 1, ?)').run('x', deleted).lastInsertRowid);
    const [live, gone] = [lead(null), lead(5)];
    expect(tags.list()[0]).toMatchObject({ leadCount: 0 });
    store.sqlite
      .prepare("INSERT INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_at) VALUES (?, 'lead', ?, 'import', 1), (?, 'lead', ?, 'import', 1)")
      .run(hot.id, live, hot.id, gone);
    expect(tags.list()[0]).toMatchObject({ leadCount: 0 });
    tags.invalidate();
    expect(tags.list()[0]).toMatchObject({ leadCount: 1 });
    store.sqlite.prepare('UPDATE leads SET deleted_at = 9 WHERE id = ?').run(live);
    tags.invalidate();
    expect(tags.list()[0]).toMatchObject({ leadCount: 0 });
  });
});
