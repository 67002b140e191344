import { parseArgs } from 'node:util';
import { resolveDataDir } from '../data-dir';
import { restoreFromFile } from './restore-from-file';

const usage = `Restore the Outpost database from a backup file.

  npm run restore -- <backup file> [--data-dir DIR]

The backup is verified (integrity_check) and the current database is backed up first (reason pre-restore).
When Outpost is running on the data folder, the restore is applied at its next start; otherwise now.
The replaced file is also kept in <data>/restore-aside/.
`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', default: false } } });
  const [backup] = positionals;
  if (values.help || !backup || positionals.length > 1) {
    process.stdout.write(usage);
    return values.help ? 0 : 2;
  }
  const result = await restoreFromFile(resolveDataDir(values['data-dir']), backup, Date.now());
  const saved = 'preRestoreBackup' in result && result.preRestoreBackup ? `Current database backed up to ${result.preRestoreBackup}\n` : '';
  if (result.state === 'refused') {
    process.stderr.write(`Restore refused: ${result.reason}\n`);
    return 1;
  }
  if (result.state === 'pending') {
    process.stdout.write(`${saved}Outpost is running: the restore will be applied when it next starts. Restart it now.\n`);
    return 0;
  }
  if (!result.outcome.applied) {
    process.stderr.write(`${saved}Restore not applied: ${result.outcome.reason}\n`);
    return 1;
  }
  const aside = result.outcome.keptAside ? `; the replaced file is kept at ${result.outcome.keptAside}` : '';
  process.stdout.write(`${saved}Restored ${result.outcome.backup}${aside}.\n`);
  return 0;
}

void main().then((code) => {
  process.exitCode = code;
});
