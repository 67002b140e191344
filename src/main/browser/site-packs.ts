import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseSitePack, type SitePack } from '../../shared/browser/site-pack';
import { resourcesDir } from '../resources-dir';

/** Sites that have a pack, by their profile type code. */
export const PACK_SITES = ['linkedin', 'facebook'] as const;

/** The pack file of a site: `<resources>/site-packs/<site>/pack.json`. */
export const sitePackFile = (site: string, dir: string = resourcesDir()): string => join(dir, 'site-packs', site, 'pack.json');

/** A site's pack read and validated with the worker's own schema; reloaded when the file changes, so a new pack version drops in. */
export class SitePacks {
  private readonly cache = new Map<string, { mtimeMs: number; pack: SitePack }>();

  constructor(private readonly dir: string = resourcesDir()) {}

  /** The pack file's absolute path for a site. */
  file(site: string): string {
    return sitePackFile(site, this.dir);
  }

  /** The site's pack, or null when the site has none; a pack that fails validation throws with the paths of its problems. */
  get(site: string): SitePack | null {
    const file = this.file(site);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return null;
    const { mtimeMs } = stat;
    const cached = this.cache.get(site);
    if (cached?.mtimeMs === mtimeMs) return cached.pack;
    const pack = parseSitePack(JSON.parse(readFileSync(file, 'utf8')), file);
    this.cache.set(site, { mtimeMs, pack });
    return pack;
  }

  /** The pack that knows a source type, with that type's URL pattern, or null. */
  forSourceType(code: string): { pack: SitePack; urlPattern: string } | null {
    for (const site of PACK_SITES) {
      const pack = this.get(site);
      const spec = pack?.sources[code];
      if (pack && spec) return { pack, urlPattern: spec.urlPattern };
    }
    return null;
  }
}
