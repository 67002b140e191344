import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createUtilityWorkerHost, type HostPort, type UtilityChild, type UtilityRuntime } from '../../../src/main/desktop/utility-worker-host';
import { portTransport, type ParentPort, type WorkerPort } from '../../../src/workers/port-transport';
import type { WorkerTransport } from '../../../src/workers/transport';

/** A MessagePortMain stand-in: messages queue until start(), close() reaches the other end. */
class FakePort extends EventEmitter implements HostPort, WorkerPort {
  other!: FakePort;
  private started = false;
  private closed = false;
  private readonly queue: unknown[] = [];
  postMessage(message: unknown) {
    if (this.closed) return;
    this.other.receive(structuredClone(message));
  }
  receive(data: unknown) {
    if (this.closed) return;
    if (this.started) this.emit('message', { data });
    else this.queue.push(data);
  }
  start() {
    this.started = true;
    for (const data of this.queue.splice(0)) this.emit('message', { data });
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    this.emit('close');
    this.other.close();
  }
}

/** A utility process stand-in whose "inside" runs the real worker port transport. */
class FakeChild extends EventEmitter implements UtilityChild {
  static nextPid = 100;
  readonly pid = FakeChild.nextPid++;
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly parent = new EventEmitter();
  readonly transport: WorkerTransport = portTransport(this.parent as unknown as ParentPort);
  killed = 0;
  constructor(
    readonly modulePath: string,
    readonly options: { serviceName: string; stdio: 'pipe' },
  ) {
    super();
  }
  postMessage(message: unknown, transfer: HostPort[] = []) {
    this.parent.emit('message', { data: structuredClone(message), ports: transfer });
  }
  kill() {
    this.killed++;
    this.exit(null);
    return true;
  }
  exit(code: number | null) {
    this.emit('exit', code ?? 9);
  }
}

function runtime() {
  const children: FakeChild[] = [];
  const r: UtilityRuntime = {
    fork: (path, _args, options) => {
      const child = new FakeChild(path, options);
      children.push(child);
      return child;
    },
    createChannel: () => {
      const port1 = new FakePort();
      const port2 = new FakePort();
      port1.other = port2;
      port2.other = port1;
      return { port1, port2 };
    },
  };
  return { r, children };
}

const capture = () => {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) }) };
};

describe('the utility-process worker host', () => {
  it('names the process after its profile and hands it a MessageChannel port, over which both sides talk', () => {
    const { r, children } = runtime();
    const host = createUtilityWorkerHost(r, '/app/out/main/worker-main.js', pino({ level: 'silent' }));
    const proc = host.spawn('profile-7');
    const child = children[0]!;
    expect(child.modulePath).toBe('/app/out/main/worker-main.js');
    expect(child.options).toEqual({ serviceName: 'Outpost profile-7', stdio: 'pipe' });
    expect(proc.pid).toBe(child.pid);

    const inMain: unknown[] = [];
    const inWorker: unknown[] = [];
    proc.onMessage((m) => inMain.push(m));
    child.transport.onMessage((m) => inWorker.push(m));
    child.transport.send({ type: 'hello', protocol: 3 });
    proc.send({ type: 'welcome' } as never);
    expect(inMain).toEqual([{ type: 'hello', protocol: 3 }]);
    expect(inWorker).toEqual([{ type: 'welcome' }]);
  });

  it('queues what the worker says before the handshake and ignores a second or port-less handshake', () => {
    const parent = new EventEmitter();
    const transport = portTransport(parent as unknown as ParentPort);
    transport.send({ type: 'hello' });
    const [a, b] = [new FakePort(), new FakePort()];
    a.other = b;
    b.other = a;
    const heard: unknown[] = [];
    a.on('message', (e: { data: unknown }) => heard.push(e.data));
    a.start();
    parent.emit('message', { data: { type: 'outpost.port' }, ports: [] });
    parent.emit('message', { data: { type: 'something else' }, ports: [b] });
    expect(heard).toEqual([]);
    parent.emit('message', { data: { type: 'outpost.port' }, ports: [b] });
    expect(heard).toEqual([{ type: 'hello' }]);
    transport.send({ type: 'log' });
    expect(heard).toEqual([{ type: 'hello' }, { type: 'log' }]);
  });

  it('reports the exit once, closes the port so the worker sees main go, and drops later messages', () => {
    const { r, children } = runtime();
    const proc = createUtilityWorkerHost(r, 'w.js', pino({ level: 'silent' })).spawn('profile-1');
    const child = children[0]!;
    let disconnected = 0;
    child.transport.onDisconnect(() => disconnected++);
    const exits: (number | null)[] = [];
    proc.onExit((code) => exits.push(code));
    const heard: unknown[] = [];
    proc.onMessage((m) => heard.push(m));
    child.exit(3);
    expect(exits).toEqual([3]);
    expect(disconnected).toBe(1);
    proc.onExit((code) => exits.push(code));
    expect(exits).toEqual([3, 3]);
    child.transport.send({ type: 'late' });
    proc.send({ type: 'stop' } as never);
    proc.kill();
    expect(heard).toEqual([]);
    expect(child.killed).toBe(0);
  });

  it('gives a restarted worker a fresh process and channel; the old one cannot reach it', () => {
    const { r, children } = runtime();
    const host = createUtilityWorkerHost(r, 'w.js', pino({ level: 'silent' }));
    const first = host.spawn('profile-2');
    first.kill();
    expect(children[0]!.killed).toBe(1);
    const second = host.spawn('profile-2');
    expect(children).toHaveLength(2);
    expect(second.pid).not.toBe(first.pid);
    const heard: unknown[] = [];
    second.onMessage((m) => heard.push(m));
    children[0]!.transport.send({ type: 'from the old one' });
    children[1]!.transport.send({ type: 'hello' });
    expect(heard).toEqual([{ type: 'hello' }]);
  });

  it('pipes stdout and stderr into the log, tagged with the profile', async () => {
    const { r, children } = runtime();
    const { logger, lines } = capture();
    createUtilityWorkerHost(r, 'w.js', logger).spawn('profile-5');
    const child = children[0]!;
    child.stdout.end('starting chromium\n\n');
    child.stderr.end('warning: slow page\n');
    await new Promise<void>((resolve) => child.stderr.once('close', resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ worker: 'profile-5', pid: child.pid, stream: 'stdout', level: 30, msg: 'starting chromium' }),
        expect.objectContaining({ worker: 'profile-5', stream: 'stderr', level: 40, msg: 'warning: slow page' }),
      ]),
    );
    expect(lines).toHaveLength(2);
  });
});
