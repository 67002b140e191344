import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a running instance records in its data folder so a second command can find it. */
export interface InstanceRecord {
  readonly pid: number;
  readonly port: number;
  readonly startedAt: number;
}

const fileIn = (dataDir: string): string => join(dataDir, 'instance.json');

/** Records the running instance (owner-only file). */
export const writeInstance = (dataDir: string, record: InstanceRecord): void =>
  writeFileSync(fileIn(dataDir), JSON.stringify(record), { mode: 0o600 });

/** Forgets the running instance. */
export const removeInstance = (dataDir: string): void => rmSync(fileIn(dataDir), { force: true });

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The live instance on this data folder, or null (a record left by a crashed process is ignored). */
export function readInstance(dataDir: string): InstanceRecord | null {
  try {
    const record = JSON.parse(readFileSync(fileIn(dataDir), 'utf8')) as InstanceRecord;
    return isAlive(record.pid) ? record : null;
  } catch {
    return null;
  }
}
