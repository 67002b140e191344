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
  return {
    child,
    origin: new URL(loginUrl).origin,
    loginUrl,
    apiKey,
    stdout: () => out,
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
