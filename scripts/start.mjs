// `npm start`: the desktop app where the Electron runtime exists, otherwise the browser edition on 127.0.0.1 (and why).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passArgs = args.filter((a) => a !== '--browser');

/** Finds the Electron binary, downloading it once if the package is there without it. */
function findElectron() {
  if (forceBrowser) return { reason: '--browser was given' };
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (it needs Node >= 22.12)' };
  }
  const binary = () => {
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const bin = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8'));
    return existsSync(bin) ? bin : undefined;
  };
  if (binary()) return { bin: binary() };
  console.log('Outpost: fetching the Electron runtime once...');
  const got = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  return got.status === 0 && binary() ? { bin: binary() } : { reason: 'the Electron runtime is not installed and could not be downloaded here' };
}

const newestMtime = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }, 0);

/** Builds out/ when it is missing or older than the sources. */
function buildIfNeeded() {
  const built = join(root, 'out', 'main', 'local.js');
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs)) return;
  console.log('Outpost: building (electron-vite build)...');
  const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const run = (cmd, argv, env) => {
  const child = spawn(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
};

buildIfNeeded();
const electron = findElectron();
if (electron.bin) {
  // Electron has its own Node ABI: better-sqlite3 must be rebuilt for it (run `npm rebuild better-sqlite3` before plain-Node tests again).
  const rebuilt = spawnSync('npx', ['--yes', '@electron/rebuild', '--only', 'better-sqlite3'], { cwd: root, stdio: 'inherit' });
  if (rebuilt.status !== 0) process.exit(rebuilt.status ?? 1);
  console.log('Outpost: starting the desktop app.');
  run(electron.bin, ['.', ...passArgs]);
} else {
  console.log(`Outpost: starting the browser edition on 127.0.0.1 because ${electron.reason}.`);
  run(process.execPath, [join(root, 'out', 'main', 'local.js'), ...passArgs], { OUTPOST_EDITION_REASON: `desktop runtime unavailable: ${electron.reason}` });
}
