import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Rule ids ESLint reports for `code` placed at `filePath`. */
async function violations(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// The first lintText loads the whole typed config, which can take longer than the default 5 s on a busy machine.
describe('lint enforces which runtime a folder may use', { timeout: 60_000 }, () => {
  it('lets only src/main/desktop and src/preload import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await violations(code, 'src/main/store/x.ts')).toContain('no-restricted-imports');
    expect(await violations(code, 'src/renderer/x.ts')).toContain('no-restricted-imports');
    expect(await violations(code, 'src/workers/x.ts')).toContain('no-restricted-imports');
    expect(await violations(code, 'src/main/desktop/x.ts')).toEqual([]);
    expect(await violations(code, 'src/preload/x.ts')).toEqual([]);
  });

  it('keeps src/shared free of any runtime and of the other folders', async () => {
    for (const spec of ['node:fs', 'better-sqlite3', 'react', '../main/core', '../renderer/api/client']) {
      expect(await violations(`import * as m from '${spec}';\nexport const a = m;\n`, 'src/shared/x.ts'), spec).toContain('no-restricted-imports');
    }
    expect(await violations("import { z } from 'zod';\nexport const a = z;\n", 'src/shared/x.ts')).toEqual([]);
  });

  it('keeps the renderer to src/shared and itself, and workers away from the database', async () => {
    expect(await violations("import * as m from '../main/core';\nexport const a = m;\n", 'src/renderer/x.ts')).toContain('no-restricted-imports');
    expect(await violations("import * as m from 'node:fs';\nexport const a = m;\n", 'src/renderer/x.ts')).toContain('no-restricted-imports');
    expect(await violations("import * as m from '../shared/contract/methods';\nexport const a = m;\n", 'src/renderer/x.ts')).toEqual([]);
    expect(await violations("import Database from 'better-sqlite3';\nexport const a = Database;\n", 'src/workers/x.ts')).toContain('no-restricted-imports');
  });
});
