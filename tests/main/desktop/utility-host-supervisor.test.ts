import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createUtilityWorkerHost, type HostPort, type UtilityChild, type UtilityRuntime } from '../../../src/main/desktop/utility-worker-host';
import { EventBus } from '../../../src/main/event-bus';
import { openStore } from '../../../src/main/store/store';
import { ProfileRows } from '../../../src/main/supervisor/profile-rows';
import { Supervisor } from '../../../src/main/supervisor/supervisor';
import { WorkEngine } from '../../../src/main/work/work-engine';
import { channelRegistry } from '../../../src/workers/channels/registry';
import { portTransport, type ParentPort, type WorkerPort } from '../../../src/workers/port-transport';
import { runWorker } from '../../../src/workers/worker-runtime';
import { ManualClock } from '../../helpers/manual-clock';
import { tempDir } from '../../helpers/temp-dir';
import { addDiagnosticType, addItem, addProfile, itemRow, testTiming, until } from '../supervisor/harness';

/** A MessagePortMain stand-in that crosses to its twin asynchronously, as real ports do. */
class AsyncPort extends EventEmitter implements HostPort, WorkerPort {
  twin!: AsyncPort;
  private open = true;
  postMessage(message: unknown) {
    const data = structuredClone(message);
    setImmediate(() => this.twin.open && this.twin.emit('message', { data }));
  }
  start() {}
  close() {
    if (!this.open) return;
    this.open = false;
    this.emit('close');
    this.twin.close();
  }
}

/** A "utility process" whose inside is the real worker runtime with the real channels, run in this process. */
class InProcessChild extends EventEmitter implements UtilityChild {
  static pids = 5000;
  readonly pid = InProcessChild.pids++;
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  private readonly parent = new EventEmitter();
  private ended = false;
  constructor() {
    super();
    runWorker(portTransport(this.parent as unknown as ParentPort), channelRegistry, (code) => this.exit(code));
  }
  postMessage(message: unknown, transfer: HostPort[] = []) {
    setImmediate(() => this.parent.emit('message', { data: message, ports: transfer }));
  }
  kill() {
    this.exit(137);
    return true;
  }
  /** Ends "the process": like a crash when called from outside. */
  exit(code: number) {
    if (this.ended) return;
    this.ended = true;
    this.stdout.end();
    this.stderr.end();
    setImmediate(() => this.emit('exit', code));
  }
}

describe('profile workers through the utility-process host', () => {
  it('shake hands over the port, perform work, and come back after a crash with the supervisor’s backoff', async () => {
    const clock = new ManualClock();
    const store = openStore(join(tempDir('outpost-utility-'), 'outpost.sqlite'), () => clock.now());
    addDiagnosticType(store.sqlite);
    const children: InProcessChild[] = [];
    const names: string[] = [];
    const runtime: UtilityRuntime = {
      fork: (_path, _args, options) => {
        names.push(options.serviceName);
        const child = new InProcessChild();
        children.push(child);
        return child;
      },
      createChannel: () => {
        const port1 = new AsyncPort();
        const port2 = new AsyncPort();
        port1.twin = port2;
        port2.twin = port1;
        return { port1, port2 };
      },
    };
    const bus = new EventBus();
    const work = new WorkEngine({ sqlite: store.sqlite, bus, now: () => clock.now(), leaseMs: 30_000, random: () => 0.5 });
    const supervisor = new Supervisor({
      profiles: new ProfileRows(store.sqlite, () => clock.now()),
      work,
      host: createUtilityWorkerHost(runtime, 'worker-main.js', pino({ level: 'silent' })),
      clock,
      bus,
      logger: pino({ level: 'silent' }),
      timing: testTiming,
      random: () => 0.5,
    });
    onTestFinished(async () => {
      await supervisor.close();
      await store.close();
    });

    const id = addProfile(store.sqlite);
    const item = addItem(store.sqlite, id, ['succeed'], clock.now());
    supervisor.start(id);
    await until(() => itemRow(store.sqlite, item).status === 'performed');
    await until(() => supervisor.get(id)?.state === 'online');
    expect(names).toEqual([`Outpost profile-${id}`]);
    expect(supervisor.get(id)?.worker?.pid).toBe(children[0]!.pid);

    children[0]!.exit(70);
    await until(() => supervisor.get(id)?.stateDetail?.includes('restarting in 1 s'));
    expect(children).toHaveLength(1);
    const second = addItem(store.sqlite, id, ['succeed'], clock.now());
    clock.advance(1_000);
    await until(() => itemRow(store.sqlite, second).status === 'performed');
    expect(supervisor.get(id)?.worker?.pid).toBe(children[1]?.pid);
    expect(children).toHaveLength(2);
  });
});
