import {
  mainMessage,
  WORKER_PROTOCOL_VERSION,
  type EffectRecord,
  type MainMessage,
  type WorkItem,
  type WorkOutcome,
  type WorkerMessage,
} from '../shared/worker-protocol/messages';
import { ChannelError, PauseError, UnknownOutcomeError, type Channel, type ChannelContext, type ChannelFactory } from './channels/channel';
import type { WorkerTransport } from './transport';

/** How many items a worker asks for at a time; one keeps a crash from stranding more than one lease. */
const PULL_MAX = 1;

/** Runs one profile worker: handshake, then pull, perform and report until told to stop or orphaned. */
export function runWorker(transport: WorkerTransport, channels: ReadonlyMap<string, ChannelFactory>, exit: (code: number) => void): void {
  let channel: Channel | undefined;
  let current: WorkItem | null = null;
  let stopping = false;
  let pulling = false;
  // A wake that arrives while a pull is in flight must not be lost: that pull may have been answered before the work appeared.
  let wokenWhilePulling = false;
  let nextId = 1;
  const replies = new Map<string, (message: MainMessage) => void>();
  const send = (message: WorkerMessage) => transport.send(message);
  const log = (level: 'debug' | 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => send({ type: 'log', level, msg, ...(data ? { data } : {}) });

  const request = (message: (id: string) => WorkerMessage): Promise<MainMessage> =>
    new Promise((resolve) => {
      const id = `w${nextId++}`;
      replies.set(id, resolve);
      send(message(id));
    });

  const shutdown = async (code: number) => {
    stopping = true;
    await channel?.close().catch(() => undefined);
    exit(code);
  };

  const failure = (error: unknown, effects: EffectRecord[]): WorkOutcome => ({
    outcome: 'failed',
    errorKind: error instanceof ChannelError ? error.kind : 'transient',
    errorText: error instanceof Error ? error.message : String(error),
    effects,
    ...(error instanceof ChannelError && error.network ? { network: true } : {}),
    ...(error instanceof PauseError ? { pause: error.reason } : {}),
    ...(error instanceof ChannelError && error.snapshot ? { snapshot: error.snapshot } : {}),
  });

  // The ledger entry goes to main before the effect runs; the effect's end travels with the outcome.
  const contextFor = (item: WorkItem, ends: Map<string, EffectRecord>): ChannelContext => ({
    progress: (note) => send({ type: 'progress', ticket: item.ticket, note }),
    log,
    async effect(idempotencyKey, run) {
      const reply = await request((id) => ({ type: 'effect', id, ticket: item.ticket, idempotencyKey }));
      if (reply.type !== 'ack' || !reply.accepted) throw new UnknownOutcomeError(reply.type === 'ack' && reply.reason ? reply.reason : 'main refused the effect');
      try {
        const value = await run();
        ends.set(idempotencyKey, { idempotencyKey, outcome: 'succeeded', externalRef: null });
        return value;
      } catch (error) {
        ends.set(idempotencyKey, { idempotencyKey, outcome: error instanceof ChannelError ? 'failed' : 'unknown', externalRef: null });
        throw error;
      }
    },
  });

  const perform = async (item: WorkItem): Promise<WorkOutcome> => {
    if (!channel) throw new Error('no channel open');
    const ends = new Map<string, EffectRecord>();
    const context = contextFor(item, ends);
    // The channel's own records of an effect's end say more (an external ref) than the runtime's.
    const withEnds = (effects: EffectRecord[]) => [...[...ends.values()].filter((e) => !effects.some((o) => o.idempotencyKey === e.idempotencyKey)), ...effects];
    try {
      if (item.mode === 'verify') {
        const verdict = channel.verify ? await channel.verify(item, context) : { happened: null, externalRef: null };
        return { outcome: 'verified', happened: verdict.happened, externalRef: verdict.externalRef };
      }
      const outcome = await channel.perform(item, context);
      return outcome.outcome === 'verified' ? outcome : { ...outcome, effects: withEnds(outcome.effects) };
    } catch (error) {
      return failure(error, withEnds([]));
    }
  };

  // Pulls until the main process has nothing due; a 'wake' starts it again.
  const drain = async () => {
    if (pulling) {
      wokenWhilePulling = true;
      return;
    }
    pulling = true;
    try {
      while (!stopping) {
        wokenWhilePulling = false;
        const reply = await request((id) => ({ type: 'pull', id, max: PULL_MAX }));
        const items = reply.type === 'work' ? reply.items : [];
        if (items.length === 0 && !wokenWhilePulling) break;
        for (const item of items) {
          current = item;
          const result = await perform(item);
          current = null;
          await request((id) => ({ type: 'result', id, ticket: item.ticket, result }));
        }
      }
    } finally {
      pulling = false;
    }
    if (stopping) await shutdown(0);
  };

  const welcome = async (message: Extract<MainMessage, { type: 'welcome' }>) => {
    const factory = channels.get(message.profile.typeCode);
    if (!factory) throw new Error(`no channel for profile type ${message.profile.typeCode}`);
    channel = factory();
    await channel.open(message.profile);
    send({ type: 'ready', verifies: channel.verify !== undefined });
    await drain();
  };

  const onMessage = (raw: unknown) => {
    const parsed = mainMessage.safeParse(raw);
    if (!parsed.success) {
      log('error', 'refused a malformed message from main', { issues: parsed.error.issues.length });
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'welcome':
        welcome(message).catch((error: unknown) => {
          const text = error instanceof Error ? error.message : String(error);
          // Settings the channel cannot use will not work on a restart either: main marks the profile failed and ends this process.
          if (error instanceof ChannelError && error.kind === 'permanent') {
            send({ type: 'fatal', reason: text.slice(0, 2000) });
            return;
          }
          log('error', text);
          void shutdown(1);
        });
        return;
      case 'refuse':
        void shutdown(2);
        return;
      case 'ping': {
        const memory = process.memoryUsage();
        send({ type: 'heartbeat', seq: message.seq, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, ticket: current?.ticket ?? null });
        return;
      }
      case 'work':
      case 'ack':
        replies.get(message.replyTo)?.(message);
        replies.delete(message.replyTo);
        return;
      case 'wake':
        void drain();
        return;
      case 'stop':
        stopping = true;
        // An item in progress finishes and is reported first; drain then exits.
        if (!pulling) void shutdown(0);
        return;
    }
  };

  transport.onMessage(onMessage);
  transport.onDisconnect(() => void shutdown(0));
  send({ type: 'hello', protocolVersion: WORKER_PROTOCOL_VERSION, pid: process.pid, profileTypes: [...channels.keys()] });
}
