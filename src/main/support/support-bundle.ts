import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { LOG_FILE_NAME, logDirOf } from '../logger';
import type { Services } from '../services';
import { scrubText, scrubValue } from './scrub-secrets';

/** What a support bundle holds besides the logs, each written as one JSON file. */
export interface SupportBundleResult {
  readonly fileName: string;
  readonly path: string;
  readonly sizeBytes: number;
  readonly entries: readonly string[];
}

// The newest part of each log file: enough to see what went wrong, bounded so a bundle stays small to send.
const LOG_TAIL_BYTES = 2 * 1024 * 1024;

/** Name pattern of support bundles in `<data>/exports/` (the download route serves only names that match). */
export const SUPPORT_BUNDLE_NAME = /^outpost-support-\d{8}T\d{6}Z\.zip$/;

const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

const tail = (file: string): string => {
  const bytes = readFileSync(file);
  const text = bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString('utf8');
  // Start at a whole line when the file was cut.
  return bytes.length > LOG_TAIL_BYTES ? text.slice(text.indexOf('\n') + 1) : text;
};

const tableCounts = (s: Services): Record<string, number> => {
  const tables = s.store.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (s.store.sqlite.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n]));
};

const profiles = (s: Services) =>
  s.profiles.list().map((row) => ({
    id: row.id,
    name: row.name,
    typeCode: row.type_code,
    access: row.access,
    active: row.active === 1,
    state: row.state,
    stateDetail: row.state_detail,
    pauseReason: row.pause_reason,
    settings: JSON.parse(row.settings) as unknown,
    quotas: JSON.parse(row.quotas) as unknown,
    policy: JSON.parse(row.policy) as unknown,
    // Only which credential fields are stored, never their values (they stay sealed in the database).
    sealedFields: JSON.parse(row.credential_fields) as unknown,
  }));

/** The JSON parts of a bundle: versions, migration state, table counts, settings and profiles without secrets, monitoring. */
async function stateFiles(s: Services): Promise<Record<string, unknown>> {
  const sqlite = s.store.sqlite;
  return {
    'versions.json': {
      app: s.info.version,
      edition: s.info.edition,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      sqlite: (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
      platform: process.platform,
      arch: process.arch,
      startedAt: new Date(s.info.startedAt).toISOString(),
    },
    'migrations.json': sqlite.prepare('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version').all(),
    'table-counts.json': tableCounts(s),
    'settings.json': await s.settings.get(),
    'profiles.json': profiles(s),
    'monitoring.json': s.monitoring.snapshot(),
    'backups.json': s.backups.list(),
  };
}

/** Writes `<data>/exports/outpost-support-<time>.zip`: recent logs and the state files, every secret scrubbed. */
export async function writeSupportBundle(s: Services): Promise<SupportBundleResult> {
  const dir = join(s.info.dataDir, 'exports');
  mkdirSync(dir, { recursive: true });
  const fileName = `outpost-support-${stamp(s.clock.now())}.zip`;
  const path = join(dir, fileName);
  const zip = new ZipFile();
  const entries: string[] = [];
  const add = (name: string, text: string) => {
    zip.addBuffer(Buffer.from(text, 'utf8'), name, { mtime: new Date(s.clock.now()) });
    entries.push(name);
  };
  const logDir = logDirOf(s.info.dataDir);
  if (existsSync(logDir)) {
    for (const name of readdirSync(logDir).filter((f) => f.startsWith(LOG_FILE_NAME)).sort()) {
      if (statSync(join(logDir, name)).isFile()) add(`logs/${name}`, scrubText(tail(join(logDir, name))));
    }
  }
  for (const [name, value] of Object.entries(await stateFiles(s))) add(name, `${JSON.stringify(scrubValue(value), null, 2)}\n`);
  add('metrics.txt', scrubText(await s.monitoring.metricsText()));
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('close', resolve).on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
    zip.end();
  });
  return { fileName, path, sizeBytes: statSync(path).size, entries };
}
