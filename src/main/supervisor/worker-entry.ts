import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerEntry } from './fork-worker-host';

/** Finds the worker script: the bundled `worker-main.js` next to the main bundle (or its chunks folder), else the source run through tsx. */
export function defaultWorkerEntry(): WorkerEntry {
  for (const candidate of [join(__dirname, 'worker-main.js'), join(__dirname, '..', 'worker-main.js')]) {
    if (existsSync(candidate)) return { path: candidate, execArgv: [] };
  }
  return { path: join(__dirname, '..', '..', 'workers', 'worker-main.ts'), execArgv: ['--import', 'tsx'] };
}
