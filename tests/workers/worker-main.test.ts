import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEffectLines } from '../../src/workers/channels/diagnostic/diagnostic-channel';
import { tempDir } from '../helpers/temp-dir';
import { WORKER_PROTOCOL_VERSION, workerMessage, type MainMessage, type WorkItem, type WorkerMessage } from '../../src/shared/worker-protocol/messages';

vi.setConfig({ testTimeout: 60_000 });

const entry = join(__dirname, '../../src/workers/worker-main.ts');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** The real worker process, driven by the test playing the main process. */
function startWorker() {
  const child = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const inbox: WorkerMessage[] = [];
  const waiters: (() => void)[] = [];
  child.on('message', (raw) => {
    inbox.push(workerMessage.parse(raw));
    waiters.splice(0).forEach((w) => w());
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exit,
    send: (message: MainMessage | Record<string, unknown>) => child.send(message),
    /** The next message of this type (removing it and everything before it). */
    async next<T extends WorkerMessage['type']>(type: T): Promise<Extract<WorkerMessage, { type: T }>> {
      for (;;) {
        const index = inbox.findIndex((m) => m.type === type);
        if (index >= 0) return inbox.splice(0, index + 1).at(-1) as Extract<WorkerMessage, { type: T }>;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

const profile = { id: 7, name: 'diag', typeCode: 'diagnostic', settings: {}, credentials: { token: 'in-memory-only' } };
const item = (outcomes: string[], attempt = 1): WorkItem => ({
  ticket: `enrichment:1:${attempt}`,
  kind: 'enrichment',
  recordId: 1,
  typeCode: 'verify_email',
  attempt,
  idempotencyKey: 'key-1',
  target: { kind: 'lead', id: 3 },
  params: { outcomes },
  mode: 'perform',
  leaseExpiresAt: 0,
});

describe('worker process', () => {
  it('says hello with its protocol version and channels, pulls after the welcome and reports results with correlation ids', async () => {
    const w = startWorker();
    const hello = await w.next('hello');
    expect(hello).toMatchObject({ protocolVersion: WORKER_PROTOCOL_VERSION, pid: w.child.pid, profileTypes: expect.arrayContaining(['diagnostic']) });
    w.send({ type: 'welcome', workerId: 'w-1', profile });
    expect(await w.next('ready')).toEqual({ type: 'ready', verifies: true });
    const pull = await w.next('pull');
    w.send({ type: 'work', replyTo: pull.id, items: [item(['fail_transient', 'effect'], 2)] });
    const progress = await w.next('progress');
    expect(progress).toEqual({ type: 'progress', ticket: 'enrichment:1:2', note: 'attempt 2: effect' });
    const effect = await w.next('effect');
    expect(effect).toMatchObject({ ticket: 'enrichment:1:2', idempotencyKey: 'key-1' });
    w.send({ type: 'ack', replyTo: effect.id, accepted: true });
    const result = await w.next('result');
    expect(result.ticket).toBe('enrichment:1:2');
    expect(result.result).toEqual({
      outcome: 'performed',
      output: { attempt: 2 },
      hit: true,
      effects: [{ idempotencyKey: 'key-1', outcome: 'succeeded', externalRef: 'diagnostic-1-2' }],
    });
    w.send({ type: 'ack', replyTo: result.id, accepted: true });
    const again = await w.next('pull');
    expect(again.id).not.toBe(pull.id);
    w.send({ type: 'work', replyTo: again.id, items: [] });
    w.send({ type: 'ping', seq: 41 });
    expect(await w.next('heartbeat')).toMatchObject({ seq: 41, ticket: null });
    w.send({ type: 'wake' });
    await w.next('pull');
  });

  it('pulls again when woken while a pull was in flight, even if that pull came back empty', async () => {
    const w = startWorker();
    await w.next('hello');
    w.send({ type: 'welcome', workerId: 'w-1', profile });
    const pull = await w.next('pull');
    w.send({ type: 'wake' });
    w.send({ type: 'work', replyTo: pull.id, items: [] });
    const again = await w.next('pull');
    w.send({ type: 'work', replyTo: again.id, items: [item(['succeed'])] });
    expect((await w.next('result')).result).toMatchObject({ outcome: 'performed' });
  });

  it('reports a failure with its kind and text', async () => {
    const w = startWorker();
    await w.next('hello');
    w.send({ type: 'welcome', workerId: 'w-1', profile });
    const pull = await w.next('pull');
    w.send({ type: 'work', replyTo: pull.id, items: [item(['fail_permanent'])] });
    expect((await w.next('result')).result).toEqual({ outcome: 'failed', errorKind: 'permanent', errorText: 'diagnostic permanent failure', effects: [] });
  });

  it('ignores malformed messages from main, logging them, and keeps answering', async () => {
    const w = startWorker();
    await w.next('hello');
    w.send({ type: 'welcome', workerId: 'w-1', profile: { ...profile, id: -1 } });
    w.send({ type: 'launch-missiles' });
    expect(await w.next('log')).toMatchObject({ level: 'error', msg: 'refused a malformed message from main' });
    w.send({ type: 'ping', seq: 1 });
    expect(await w.next('heartbeat')).toMatchObject({ seq: 1 });
  });

  it('exits with code 0 on stop, after finishing the item in hand', async () => {
    const w = startWorker();
    await w.next('hello');
    w.send({ type: 'welcome', workerId: 'w-1', profile });
    const pull = await w.next('pull');
    w.send({ type: 'work', replyTo: pull.id, items: [{ ...item(['succeed']), params: { outcomes: ['succeed'], delayMs: 300 } }] });
    await w.next('progress');
    w.send({ type: 'stop' });
    const result = await w.next('result');
    w.send({ type: 'ack', replyTo: result.id, accepted: true });
    expect(await w.exit).toBe(0);
  });

  it('exits when refused, and when its parent goes away', async () => {
    const refused = startWorker();
    await refused.next('hello');
    refused.send({ type: 'refuse', reason: 'protocol mismatch' });
    expect(await refused.exit).toBe(2);
    const orphan = startWorker();
    await orphan.next('hello');
    orphan.child.disconnect();
    expect(await orphan.exit).toBe(0);
  });

  it('exits with an error when its profile type has no channel in this build', async () => {
    const w = startWorker();
    await w.next('hello');
    w.send({ type: 'welcome', workerId: 'w-1', profile: { ...profile, typeCode: 'no_such_type' } });
    expect(await w.next('log')).toMatchObject({ level: 'error', msg: 'no channel for profile type no_such_type' });
    expect(await w.exit).toBe(1);
  });

  it('asks main before an effect and, when refused, reports the failure without performing the effect', async () => {
    const dir = tempDir('outpost-worker-effects-');
    const effectsFile = join(dir, 'effects.log');
    const w = startWorker();
    await w.next('hello');
    w.send({ type: 'welcome', workerId: 'w-1', profile });
    const pull = await w.next('pull');
    w.send({ type: 'work', replyTo: pull.id, items: [{ ...item(['effect']), params: { outcomes: ['effect'], effectsFile } }] });
    const effect = await w.next('effect');
    w.send({ type: 'ack', replyTo: effect.id, accepted: false, reason: 'an earlier attempt may already have performed this effect' });
    const result = await w.next('result');
    expect(result.result).toMatchObject({ outcome: 'failed', errorText: 'an earlier attempt may already have performed this effect', effects: [] });
    expect(readEffectLines(effectsFile)).toEqual([]);
  });

  it('answers a verify item from the effects file: not happened, then happened', async () => {
    const dir = tempDir('outpost-worker-effects-');
    const effectsFile = join(dir, 'effects.log');
    const w = startWorker();
    await w.next('hello');
    w.send({ type: 'welcome', workerId: 'w-1', profile });
    const pull = await w.next('pull');
    w.send({ type: 'work', replyTo: pull.id, items: [{ ...item(['effect']), ticket: 'enrichment:1:1:verify', mode: 'verify', params: { outcomes: ['effect'], effectsFile } }] });
    const first = await w.next('result');
    expect(first.result).toEqual({ outcome: 'verified', happened: false, externalRef: null });
    w.send({ type: 'ack', replyTo: first.id, accepted: true });
    writeFileSync(effectsFile, 'key-1\n');
    const again = await w.next('pull');
    w.send({ type: 'work', replyTo: again.id, items: [{ ...item(['effect']), ticket: 'enrichment:1:1:verify', mode: 'verify', params: { outcomes: ['effect'], effectsFile } }] });
    expect((await w.next('result')).result).toEqual({ outcome: 'verified', happened: true, externalRef: 'diagnostic-1' });
  });

  it('marks a failure that looked like no network', async () => {
    const w = startWorker();
    await w.next('hello');
    w.send({ type: 'welcome', workerId: 'w-1', profile });
    const pull = await w.next('pull');
    w.send({ type: 'work', replyTo: pull.id, items: [item(['fail_network'])] });
    expect((await w.next('result')).result).toMatchObject({ outcome: 'failed', errorKind: 'transient', network: true });
  });
});
