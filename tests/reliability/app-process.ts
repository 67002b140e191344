import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { LOCAL_ENTRY } from '../e2e/browser-edition-process';

/** One life of the built browser edition on a data folder that outlives it. */
export interface AppLife {
  readonly child: ChildProcess;
  /** Process group of this life (its workers share it), to find workers left behind after the main process died. */
  readonly group: number;
  /** Resolves with the API origin once the app printed its login URL; rejects if it exits first. */
  readonly ready: Promise<{ origin: string; apiKey: string | null }>;
  readonly exited: Promise<void>;
  readonly output: () => string;
  /** SIGKILL to the main process only, as a crash would; its workers are left to notice. */
  kill(): void;
}

/** Starts `node out/main/local.js` on a free port with the given data folder, in its own process group. */
export function launchApp(dataDir: string): AppLife {
  if (!existsSync(LOCAL_ENTRY)) throw new Error(`${LOCAL_ENTRY} is missing: run "npm run build" first`);
  // The connectivity probe stays on this machine; detached puts main and its workers in a group of their own.
  const child = spawn(process.execPath, [LOCAL_ENTRY, '--port', '0', '--data-dir', dataDir, '--probe', 'localhost:9'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid === undefined) throw new Error('the browser edition did not start');
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<{ origin: string; apiKey: string | null }>((resolve, reject) => {
    const check = () => {
      if (!/Press Ctrl\+C to stop\./.test(out)) return;
      const loginUrl = /one-time login URL: (\S+)/.exec(out)?.[1];
      if (!loginUrl) return reject(new Error(`unexpected start output:\n${out}`));
      resolve({ origin: new URL(loginUrl).origin, apiKey: /API key \(shown once; rotate it in Settings\): (\S+)/.exec(out)?.[1] ?? null });
    };
    child.stdout?.on('data', check);
    child.once('exit', (code, signal) => reject(new Error(`browser edition exited (${signal ?? code}) before it was ready:\n${out}`)));
  });
  // A life killed before it was ready rejects `ready`; callers that do not wait for it must not crash the run.
  ready.catch(() => undefined);
  return {
    child,
    group: child.pid,
    ready,
    exited,
    output: () => out,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** True while any process of the group is alive. */
export function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills whatever is left of a group (the end of a run). */
export function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // nothing left
  }
}

/** Calls the local API with a key: GET without a body, POST with one; a non-2xx answer throws with the status. */
export async function callApi<T>(origin: string, apiKey: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${origin}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw Object.assign(new Error(`${path}: HTTP ${res.status} ${await res.text()}`), { status: res.status });
  return (await res.json()) as T;
}
