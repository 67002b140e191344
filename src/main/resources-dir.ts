import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder of the app's data files (site packs, icons): `OUTPOST_RESOURCES_DIR` when set, else the packaged
 * app's resources folder when it holds them, else `<repository>/resources` found by walking up from this file
 * (so it works from `out/main` and from `src/main` under tsx).
 */
export function resourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.OUTPOST_RESOURCES_DIR) return env.OUTPOST_RESOURCES_DIR;
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, 'resources', 'site-packs'))) return join(packaged, 'resources');
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return join(dir, 'resources');
    if (dirname(dir) === dir) throw new Error(`no resources folder above ${__dirname}`);
  }
}
