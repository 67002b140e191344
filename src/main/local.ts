import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultProbeOptions, dnsTcpProbe, type Probe } from './connectivity/probe';
import { startCore } from './core';
import { resolveDataDir } from './data-dir';
import { seedDemo } from './demo/seed-demo';
import { readInstance, removeInstance, writeInstance } from './instance-file';
import { createLogger, LOG_FILE_NAME, logDirOf } from './logger';
import { SessionsRepo } from './store/repos/sessions-repo';
import { openStore } from './store/store';
import { APP_VERSION } from './version';

const DEFAULT_PORT = 7450;
const DEMO_LEADS = 3000;

const usage = `Outpost browser edition: the whole app under plain Node, dashboard on 127.0.0.1.

  node out/main/local.js [--port N] [--data-dir DIR] [--demo]
  node out/main/local.js --login-url [--data-dir DIR]

  --port N        port on 127.0.0.1 (default ${DEFAULT_PORT}, or OUTPOST_PORT; 0 picks a free one)
  --data-dir DIR  data folder (default OUTPOST_DATA_DIR, else the OS user-data folder)
  --probe H:P     where the connectivity probe connects (default dns.google:443, or OUTPOST_PROBE)
  --demo          fill an empty data folder with ${DEMO_LEADS} realistic fake leads
  --login-url     print a new one-time login URL for the instance running on the data folder
`;

function parsePort(raw: string | undefined): number {
  const value = raw ?? process.env.OUTPOST_PORT ?? String(DEFAULT_PORT);
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new Error(`--port: expected a whole number from 0 to 65535, got "${value}"`);
  return port;
}

function parseProbe(raw: string | undefined): Probe {
  const value = raw ?? process.env.OUTPOST_PROBE;
  if (value === undefined) return dnsTcpProbe();
  const [, host, port] = /^([^\s:]+):(\d{1,5})$/.exec(value) ?? [];
  if (host === undefined || Number(port) > 65535) throw new Error(`--probe: expected host:port, got "${value}"`);
  return dnsTcpProbe({ ...defaultProbeOptions, host, port: Number(port) });
}

async function printLoginUrl(dataDir: string): Promise<void> {
  const instance = readInstance(dataDir);
  if (!instance) throw new Error(`no Outpost is running on ${dataDir}; start it with "npm start"`);
  const store = openStore(join(dataDir, 'outpost.sqlite'));
  try {
    const code = await new SessionsRepo(store.db, Date.now).createLoginCode();
    process.stdout.write(`Login URL (one-time): http://127.0.0.1:${instance.port}/login?code=${code}\n`);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      probe: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'login-url': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const dataDir = resolveDataDir(values['data-dir']);
  if (values['login-url']) return printLoginUrl(dataDir);

  const logFile = join(logDirOf(dataDir), LOG_FILE_NAME);
  // The terminal is for the operator; structured logs go to a rotating file in the data folder (warnings also to stderr).
  const logger = createLogger({ file: { logDir: logDirOf(dataDir) } });
  const core = await startCore({
    edition: 'browser',
    dataDir,
    port: parsePort(values.port),
    connectivityProbe: parseProbe(values.probe),
    dashboardDir: join(__dirname, '../renderer'),
    logger,
  });
  writeInstance(dataDir, { pid: process.pid, port: core.http.port, startedAt: Date.now() });
  if (values.demo) {
    const added = await seedDemo(core.services, DEMO_LEADS);
    process.stdout.write(added > 0 ? `Demo: added ${added} fake leads.\n` : 'Demo: the data folder already has leads; nothing added.\n');
  }

  const why = process.env.OUTPOST_EDITION_REASON;
  process.stdout.write(
    [
      `Outpost ${APP_VERSION}: browser edition${why ? ` (${why})` : ''}`,
      `Data folder: ${dataDir} (logs: ${logFile})`,
      `Dashboard: open this one-time login URL: ${await core.loginUrl()}`,
      `API: ${core.http.origin}/api/v1 (OpenAPI: ${core.http.origin}/api/v1/openapi.json)`,
      ...(core.firstApiKey ? [`API key (shown once; rotate it in Settings): ${core.firstApiKey}`] : []),
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await core.stop();
    removeInstance(dataDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint = (error as { code?: string }).code === 'EADDRINUSE' ? ' (is Outpost already running? choose another --port)' : '';
  process.stderr.write(`Outpost could not start: ${message}${hint}\n`);
  process.exit(1);
});
