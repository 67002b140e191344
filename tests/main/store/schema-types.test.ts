import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import ts from 'typescript';
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrate } from '../../../src/main/store/migrate';
import { migrations } from '../../../src/main/store/migrations';
import { openDatabase } from '../../../src/main/store/open-database';
import { tempDir } from '../../helpers/temp-dir';

type Columns = Record<string, { nullable: boolean }>;

/** Reads schema.ts with the compiler: table name -> columns (inherited ones included) and whether TS allows null. */
function declaredTables(): Map<string, Columns> {
  const file = join(import.meta.dirname, '../../../src/main/store/schema.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const columnsOf = (name: string): Columns => {
    const node = interfaces.get(name);
    if (!node) throw new Error(`schema.ts has no interface ${name}`);
    const inherited = (node.heritageClauses ?? []).flatMap((h) => h.types.map((t) => columnsOf(t.expression.getText())));
    const own: Columns = {};
    for (const m of node.members) {
      if (ts.isPropertySignature(m) && m.type) own[m.name.getText()] = { nullable: /\bnull\b/.test(m.type.getText()) };
    }
    return Object.assign({}, ...inherited, own) as Columns;
  };
  const db = interfaces.get('DB');
  if (!db) throw new Error('schema.ts has no DB interface');
  return new Map(
    db.members.filter(ts.isPropertySignature).map((m) => [m.name.getText(), columnsOf(m.type?.getText() ?? '')]),
  );
}

function actualTables(db: Database): Map<string, Columns> {
  // FTS5 indexes are read through raw SQL only, so Kysely does not declare them or their shadow tables.
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT GLOB '*_fts' AND name NOT GLOB '*_fts_[a-z]*' ORDER BY name")
    .all() as { name: string }[];
  return new Map(
    names.map(({ name }) => {
      const info = db.prepare('SELECT name, "notnull", pk FROM pragma_table_info(?)').all(name) as { name: string; notnull: number; pk: number }[];
      return [name, Object.fromEntries(info.map((c) => [c.name, { nullable: c.notnull === 0 && c.pk === 0 }]))];
    }),
  );
}

describe('schema.ts', () => {
  it('declares exactly the tables and columns the migrations create, with the same nullability', () => {
    const db = openDatabase(join(tempDir('outpost-schema-types-'), 'outpost.db'));
    onTestFinished(() => {
      db.close();
    });
    migrate(db, migrations);

    const declared = declaredTables();
    const actual = actualTables(db);

    expect([...declared.keys()].sort()).toEqual([...actual.keys()].sort());
    for (const [table, columns] of actual) expect(declared.get(table), table).toEqual(columns);
  });
});
