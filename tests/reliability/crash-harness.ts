import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDovecot, type Dovecot } from '../helpers/dovecot';
import { startSmtpSink } from '../helpers/smtp-sink';
import { callApi, groupAlive, killGroup, launchApp, type AppLife } from './app-process';
import { crashCsvFiles } from './crash-csv';
import { checkDeliveries } from './crash-ledger-check';
import { checkDatabaseFile, CommittedRows, heldItems, stillHeld, type HeldItem, type Snapshot } from './crash-observer';
import { addMailbox, composeAndApprove, deliverReplies, snapshot, startNextImport, type Api } from './crash-workload';
import { seededRandom, type SeededRandom } from './seeded-random';

/** How long and how hard to crash the app. */
export interface CrashRunOptions {
  readonly seed: number;
  /** SIGKILLs before the final, undisturbed life. */
  readonly kills: number;
  /** Stop killing after this long even if fewer kills were made. */
  readonly durationMs?: number;
  readonly importFiles: number;
  readonly rowsPerFile: number;
  /** How long the final life may take to finish the work before the run counts it as stuck (default 150 s). */
  readonly settleMs?: number;
  readonly log: (line: string) => void;
}

/** What a run measured; `problems` is empty when every check passed. */
export interface CrashFigures {
  readonly seed: number;
  readonly kills: number;
  readonly killedBeforeReady: number;
  readonly checks: number;
  readonly rowsChecked: number;
  readonly importRows: number;
  readonly leads: number;
  readonly messagesReceived: number;
  readonly duplicates: number;
  readonly sentRows: number;
  readonly unknownRows: number;
  readonly repliesRecorded: number;
  /** Work items a killed life's workers held (running) when it died, summed over the restarts. */
  readonly inFlightAtKill: number;
  readonly restartMedianMs: number;
  readonly settleMs: number;
  readonly workersLeftBehind: number;
  readonly problems: readonly string[];
}

/** How soon after a restart the items a killed life's workers held must be taken back (the sweep runs every 15 s). */
const RELEASE_WITHIN_MS = 20_000;

/** When a life is killed: during start-up (from spawn), soon after it is ready, or after its first plan pass (30 s). */
function killDelay(random: SeededRandom): { fromSpawn: boolean; ms: number } {
  const roll = random.next();
  if (roll < 0.15) return { fromSpawn: true, ms: random.int(0, 800) };
  if (roll < 0.8) return { fromSpawn: false, ms: random.int(0, 3_000) };
  return { fromSpawn: false, ms: random.int(30_000, 34_000) };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : Math.round(sorted[Math.floor(sorted.length / 2)] as number);
};

/**
 * Runs the built browser edition on one data folder with an import, planning, sending to a local SMTP server and
 * inbox checks on Dovecot going on, SIGKILLs it at seeded random moments, and after every restart checks the file
 * and that nothing the API reported before the kill is gone; a last life finishes the work, then imports, leads
 * and deliveries are checked against what must be (no message received twice).
 */
export async function runCrashHarness(o: CrashRunOptions): Promise<CrashFigures> {
  const random = seededRandom(o.seed);
  const csv = crashCsvFiles(random, o.importFiles, o.rowsPerFile);
  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-crash-'));
  const databaseFile = join(dataDir, 'outpost.sqlite');
  o.log(`crash harness: seed ${o.seed}, ${o.kills} kills, ${csv.files.length} files x ${o.rowsPerFile} rows, data ${dataDir}`);
  const sink = await startSmtpSink();
  const dovecot: Dovecot | null = await startDovecot().catch((error: unknown) => {
    o.log(`no Dovecot, inbox checks left out: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  const problems: string[] = [];
  const committed = new CommittedRows();
  const readyTimes: number[] = [];
  const groups: number[] = [];
  let apiKey = '';
  let mailbox = 0;
  let kills = 0;
  let killedBeforeReady = 0;
  let checks = 0;
  let inFlightAtKill = 0;
  const replyIds: string[] = [];

  const stopped = (life: AppLife) => life.child.exitCode !== null || life.child.signalCode !== null;

  /** Checks what survived the last kill, then keeps the work going and watches the API until the life ends. */
  const live = async (label: string, life: AppLife, api: Api, held: readonly HeldItem[]): Promise<void> => {
    const readyAt = performance.now();
    let heldChecked = false;
    try {
      const now = await snapshot(api);
      const lost = committed.lost(now);
      const file = checkDatabaseFile(databaseFile);
      if (stopped(life)) return;
      checks++;
      problems.push(...[...lost, ...file].map((p) => `${label}: ${p}`));
      committed.saw(now);
      // replies come once their senders are leads (the first file imported), so inbox checks have something to record
      if (dovecot && replyIds.length === 0 && now.imports.some((i) => i.fileName === csv.files[0]?.fileName && i.status === 'done')) {
        replyIds.push(...(await deliverReplies(dovecot, csv, 10)));
      }
      await startNextImport(api, csv, now.imports);
      await composeAndApprove(api, databaseFile, mailbox, now.outreach);
      while (!stopped(life)) {
        committed.saw(await snapshot(api));
        if (!heldChecked && performance.now() - readyAt > RELEASE_WITHIN_MS) {
          heldChecked = true;
          problems.push(...stillHeld(databaseFile, held).map((p) => `${label}: ${p}`));
        }
        await sleep(250);
      }
    } catch (error) {
      // a request cut by the kill is expected (its exit may be reported a moment later); one that fails while the app lives is a finding
      await Promise.race([life.exited, sleep(2_000)]);
      if (!stopped(life)) problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  /** Starts a life (killed `killAt` ms after spawn unless null) and waits until it is ready; `api` is null if it died first. */
  const launch = async (killAt: number | null): Promise<{ life: AppLife; api: Api | null; timer?: NodeJS.Timeout }> => {
    const spawnedAt = performance.now();
    const life = launchApp(dataDir);
    groups.push(life.group);
    const timer = killAt === null ? undefined : setTimeout(() => life.kill(), killAt);
    try {
      const ready = await life.ready;
      readyTimes.push(performance.now() - spawnedAt);
      apiKey ||= ready.apiKey ?? '';
      return { life, api: (path, body) => callApi(ready.origin, apiKey, path, body), timer };
    } catch {
      await life.exited;
      if (life.child.signalCode === 'SIGKILL') killedBeforeReady++;
      return { life, api: null };
    }
  };

  const began = performance.now();
  let settleMs = 0;
  let final: { leads: number; importRows: number } = { leads: 0, importRows: 0 };
  let workersLeftBehind = 0;
  try {
    for (let n = 0; kills < o.kills && (o.durationMs === undefined || performance.now() - began < o.durationMs); n++) {
      const delay = killDelay(random);
      // the first life sets the mailbox up before anything may kill it
      const held = n === 0 ? [] : heldItems(databaseFile);
      inFlightAtKill += held.length;
      const { life, api, timer } = await launch(delay.fromSpawn && n > 0 ? delay.ms : null);
      if (api) {
        if (n === 0) mailbox = await addMailbox(api, sink, dovecot);
        const killer = timer ?? setTimeout(() => life.kill(), delay.ms);
        await live(`life ${n + 1}`, life, api, held);
        await life.exited;
        clearTimeout(killer);
      }
      if (life.child.signalCode !== 'SIGKILL') {
        problems.push(`life ${n + 1} exited by itself (${life.child.exitCode}):\n${life.output().slice(-2_000)}`);
        break;
      }
      kills++;
    }
    const settleFrom = performance.now();
    const held = heldItems(databaseFile);
    inFlightAtKill += held.length;
    const last = await launch(null);
    if (!last.api) throw new Error(`the final start failed:\n${last.life.output()}`);
    final = await settle(last.api, 'final life', held, o.settleMs ?? 150_000);
    settleMs = performance.now() - settleFrom;
    const exited = last.life.exited;
    last.life.child.kill('SIGTERM');
    await exited;
  } finally {
    // workers of a killed life must leave once their parent is gone
    workersLeftBehind = groups.slice(0, -1).filter(groupAlive).length;
    for (const g of groups) killGroup(g);
    await sink.close();
    await dovecot?.stop();
  }
  const deliveries = checkDeliveries(databaseFile, sink.messages);
  problems.push(...deliveries.problems);
  const repliesRecorded = countReplies(databaseFile, replyIds, problems);
  if (workersLeftBehind > 0) problems.push(`${workersLeftBehind} killed lives left worker processes running`);
  if (problems.length === 0) rmSync(dataDir, { recursive: true, force: true });
  else o.log(`data folder kept for inspection: ${dataDir}`);

  /** The final life: checks what survived, starts what is left, waits until all work is finished, checks the totals. */
  async function settle(api: Api, label: string, held: readonly HeldItem[], limitMs: number): Promise<{ leads: number; importRows: number }> {
    const readyAt = performance.now();
    const first = await snapshot(api);
    problems.push(...[...committed.lost(first), ...checkDatabaseFile(databaseFile)].map((p) => `${label}: ${p}`));
    checks++;
    while (await startNextImport(api, csv, (await snapshot(api)).imports)) {
      // one file per call
    }
    await composeAndApprove(api, databaseFile, mailbox, (await snapshot(api)).outreach);
    const deadline = performance.now() + limitMs;
    let now = await snapshot(api);
    let open = openWork(now, databaseFile);
    let heldChecked = false;
    while (open.length > 0 && performance.now() < deadline) {
      await sleep(1_000);
      if (!heldChecked && performance.now() - readyAt > RELEASE_WITHIN_MS) {
        heldChecked = true;
        problems.push(...stillHeld(databaseFile, held).map((p) => `${label}: ${p}`));
      }
      now = await snapshot(api);
      committed.saw(now);
      open = openWork(now, databaseFile);
    }
    if (open.length > 0) problems.push(`${label}: still not finished after ${Math.round(limitMs / 1000)} s: ${open.join('; ')}`);
    let importRows = 0;
    let inserted = 0;
    for (const file of csv.files) {
      const imp = now.imports.find((i) => i.fileName === file.fileName);
      if (!imp) continue;
      importRows += file.rows;
      inserted += imp.inserted;
      const total = imp.inserted + imp.merged + imp.duplicate + imp.rejected;
      if (total !== file.rows) problems.push(`${file.fileName}: inserted + merged + duplicate + rejected = ${total}, not ${file.rows}`);
      if (imp.rejected !== file.rejected) problems.push(`${file.fileName}: ${imp.rejected} rows rejected, not ${file.rejected}`);
    }
    if (inserted !== csv.distinctLeads) problems.push(`the imports inserted ${inserted} leads, not ${csv.distinctLeads}`);
    if (now.leads !== csv.distinctLeads) problems.push(`there are ${now.leads} leads, not ${csv.distinctLeads}`);
    return { leads: now.leads, importRows };
  }

  return {
    seed: o.seed,
    kills,
    killedBeforeReady,
    checks,
    rowsChecked: committed.rowsChecked,
    importRows: final.importRows,
    leads: final.leads,
    messagesReceived: deliveries.received,
    duplicates: deliveries.duplicates,
    sentRows: deliveries.sentRows,
    unknownRows: deliveries.unknownRows,
    repliesRecorded,
    inFlightAtKill,
    restartMedianMs: median(readyTimes),
    settleMs,
    workersLeftBehind,
    problems,
  };
}

/** What still keeps the final life busy: imports not done, approved messages not finished, unknowns still to verify. */
function openWork(now: Snapshot, databaseFile: string): string[] {
  const open: string[] = [];
  for (const i of now.imports) if (i.status !== 'done') open.push(`import ${i.id} ${i.status}`);
  const waiting = now.outreach.filter((r) => r.direction === 'outgoing' && (r.status === 'pending' || r.status === 'running'));
  if (waiting.length > 0) open.push(`${waiting.length} messages ${[...new Set(waiting.map((r) => r.status))].join('/')}`);
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const verifying = db.prepare("SELECT count(*) FROM unknown_outcomes WHERE state = 'verify'").pluck().get() as number;
    if (verifying > 0) open.push(`${verifying} unknown outcomes to verify`);
  } finally {
    db.close();
  }
  return open;
}

/** How many of the delivered replies became an incoming row; a reply recorded twice is a problem. */
function countReplies(databaseFile: string, ids: readonly string[], problems: string[]): number {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const times = db.prepare("SELECT count(*) FROM outreach WHERE direction = 'incoming' AND message_id IN (?, ?)").pluck();
    let recorded = 0;
    for (const id of ids) {
      const n = times.get(id, id.slice(1, -1)) as number;
      if (n > 1) problems.push(`reply ${id} was recorded ${n} times`);
      recorded += Math.min(n, 1);
    }
    return recorded;
  } finally {
    db.close();
  }
}

/** The figures as lines for a log. */
export function formatFigures(f: CrashFigures): string[] {
  return [
    `seed ${f.seed}: kills survived ${f.kills} (${f.killedBeforeReady} before ready), checks after restart ${f.checks}`,
    `rows checked ${f.rowsChecked}, import rows ${f.importRows}, leads ${f.leads}`,
    `messages received ${f.messagesReceived}, sent rows ${f.sentRows}, unknown outcome ${f.unknownRows}, duplicates found ${f.duplicates}`,
    `items in flight at a kill ${f.inFlightAtKill}, replies recorded ${f.repliesRecorded}, workers left behind ${f.workersLeftBehind}`,
    `restart time median ${f.restartMedianMs} ms, final settle ${Math.round(f.settleMs / 1000)} s`,
    f.problems.length === 0 ? 'problems: none' : `problems (${f.problems.length}):\n  ${f.problems.slice(0, 40).join('\n  ')}`,
  ];
}
