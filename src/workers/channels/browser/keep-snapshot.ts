import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { FailureSnapshot } from '../../../shared/worker-protocol/messages';

/** Most HTML kept per snapshot; a huge page is cut (the screenshot still shows it). */
export const MAX_SNAPSHOT_HTML = 1_000_000;

let sequence = 0;

/**
 * Keeps the page's screenshot and HTML in the snapshot folder and returns their file names (no folders); a part
 * that cannot be taken is null, and nothing here throws: a snapshot must never hide the failure it documents.
 */
export async function keepSnapshot(page: Page | null, dir: string, label: string): Promise<FailureSnapshot | undefined> {
  if (!page || page.isClosed()) return undefined;
  const base = `${Date.now()}-${process.pid}-${++sequence}-${label.replace(/[^a-z0-9_-]/gi, '_').slice(0, 60)}`;
  const screenshot = await page
    .screenshot({ path: join(dir, `${base}.png`), timeout: 10_000 })
    .then(() => `${base}.png`)
    .catch(() => null);
  const html = await page
    .content()
    .then((content) => {
      writeFileSync(join(dir, `${base}.html`), content.length > MAX_SNAPSHOT_HTML ? content.slice(0, MAX_SNAPSHOT_HTML) : content);
      return `${base}.html`;
    })
    .catch(() => null);
  return screenshot || html ? { screenshot, html } : undefined;
}
