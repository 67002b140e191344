import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built browser edition, which `npm test` builds before the e2e project runs. */
export const LOCAL_ENTRY = resolve('out/main/local.js');

/** A running browser edition process and what it printed for the operator. */
export interface BrowserEdition {
  readonly child: ChildProcess;
  readonly origin: string;
  readonly loginUrl: string;
  readonly apiKey: string;
  readonly stdout: () => string;
  /** Calls the local API with the printed key: GET without a body, POST with one; a non-2xx answer throws. */
  api<T>(path: string, body?: unknown): Promise<T>;
  /** Imports CSV text through the API with a column mapping and waits (up to 60 s) until the import is done; its id. */
  importCsv(fileName: string, csv: string, mapping: string[]): Promise<number>;
  /** A fresh one-time login URL from `--login-url` (each URL works once). */
  newLoginUrl(): string;
  stop(): Promise<void>;
}

/** Starts `node out/main/local.js` on a free port with a temp data folder and waits for its login URL. */
export async function startBrowserEdition(args: string[] = []): Promise<BrowserEdition> {
  if (!existsSync(LOCAL_ENTRY)) throw new Error(`${LOCAL_ENTRY} is missing: run "npm run build" first (npm test does)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-e2e-'));
  // The connectivity probe stays on this machine: tests never reach the internet.
  const probe = ['--probe', 'localhost:9'];
  const child = spawn(process.execPath, [LOCAL_ENTRY, '--port', '0', '--data-dir', dataDir, ...probe, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  await new Promise<void>((resolveReady, reject) => {
    const check = () => {
      if (/Press Ctrl\+C to stop\./.test(out)) resolveReady();
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => reject(new Error(`browser edition exited with ${code}: ${err || out}`)));
  });
  const loginUrl = /one-time login URL: (\S+)/.exec(out)?.[1];
  const apiKey = /API key \(shown once; rotate it in Settings\): (\S+)/.exec(out)?.[1];
  if (!loginUrl || !apiKey) throw new Error(`unexpected start output:\n${out}`);
  const origin = new URL(loginUrl).origin;
  const api = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${origin}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    child,
    origin,
    loginUrl,
    apiKey,
    stdout: () => out,
    api,
    async importCsv(fileName, csv, mapping) {
      const started = await api<{ id: number }>('/imports', { fileName, content: Buffer.from(csv).toString('base64'), mapping });
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
        const { items } = await api<{ items: { id: number; status: string }[] }>('/imports');
        if (items.find((i) => i.id === started.id)?.status === 'done') return started.id;
      }
      throw new Error(`import ${started.id} of ${fileName} was not done within 60 s`);
    },
    newLoginUrl() {
      const printed = execFileSync(process.execPath, [LOCAL_ENTRY, '--login-url', '--data-dir', dataDir], { encoding: 'utf8' });
      const url = /Login URL \(one-time\): (\S+)/.exec(printed)?.[1];
      if (!url) throw new Error(`--login-url printed no URL: ${printed}`);
      return url;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
