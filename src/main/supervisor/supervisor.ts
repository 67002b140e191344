import type { Logger } from 'pino';
import type { Clock, TimerHandle } from '../../shared/clock';
import type { PauseReason, ProfileState, ProfileView } from '../../shared/contract/schemas/profiles';
import { toIsoOrNull } from '../../shared/iso-time';
import { WORKER_PROTOCOL_VERSION, workerMessage, type WorkerMessage } from '../../shared/worker-protocol/messages';
import type { EventBus } from '../event-bus';
import { backoffDelay } from './backoff';
import { noCredentials, type OpenCredentials, type ProfileRow, type ProfileRows } from './profile-rows';
import { defaultTiming, type SupervisorTiming } from './supervisor-timing';
import { ticketPrefix } from '../work/work-ticket';
import type { CompleteResult, EffectVerdict, ExpiredLease, WorkSource } from './work-source';
import { newSlot, type Slot, type Want } from './worker-slot';
import type { WorkerHost, WorkerProcess } from './worker-host';

/** What the supervisor needs: profile rows, a work source, a way to start processes, and the clock. */
export interface SupervisorOptions {
  readonly profiles: ProfileRows;
  readonly work: WorkSource;
  readonly host: WorkerHost;
  readonly clock: Clock;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly timing?: Partial<SupervisorTiming>;
  readonly openCredentials?: OpenCredentials;
  readonly random?: () => number;
}

/** Runs one worker process per active profile: handshake, heartbeats, graceful stop, restarts with backoff, failed after repeated crashes. */
export class Supervisor {
  private readonly slots = new Map<number, Slot>();
  /** Why a profile whose worker is still stopping will be paused. */
  private readonly pauseReasons = new Map<number, { reason: PauseReason; detail: string | null }>();
  private readonly timing: SupervisorTiming;
  private readonly log: Logger;
  private readonly boot: string;
  private spawned = 0;
  private tickTimer: TimerHandle | undefined;
  private closing = false;

  constructor(private readonly o: SupervisorOptions) {
    this.timing = { ...defaultTiming, ...o.timing };
    this.log = o.logger.child({ part: 'supervisor' });
    this.boot = o.clock.now().toString(36);
  }

  /** Starts a worker for every active, unpaused profile; states and leases left by an unclean exit are reset. */
  startActive(): void {
    const runnable = new Set(this.o.profiles.runnableIds());
    for (const row of this.o.profiles.list()) {
      if (!runnable.has(row.id) && row.state !== 'idle' && row.state !== 'paused') this.o.profiles.setState(row.id, 'idle', null);
    }
    // No worker of this process holds a lease yet: every lease left belongs to a run that ended without closing it.
    this.expireLeases(Number.MAX_SAFE_INTEGER);
    for (const id of runnable) this.launch(id);
  }

  /** Every profile with its live state. */
  list(): ProfileView[] {
    return this.o.profiles.list().map((row) => this.view(row));
  }

  /** One profile with its live state; undefined if there is no such profile. */
  get(id: number): ProfileView | undefined {
    const row = this.o.profiles.get(id);
    return row && this.view(row);
  }

  /** Marks the profile active and makes sure exactly one worker runs for it. */
  start(id: number): ProfileView | undefined {
    if (!this.o.profiles.get(id)) return undefined;
    this.o.profiles.setActive(id, true);
    this.launch(id);
    return this.get(id);
  }

  /** Marks the profile inactive and stops its worker. */
  stop(id: number): ProfileView | undefined {
    if (!this.o.profiles.get(id)) return undefined;
    this.o.profiles.setActive(id, false);
    this.halt(id, 'stop');
    return this.get(id);
  }

  /** Pauses the profile (by the operator unless a reason is given): its worker stops until resumed. */
  pause(id: number, reason: PauseReason = 'operator'): ProfileView | undefined {
    if (!this.o.profiles.get(id)) return undefined;
    this.halt(id, 'pause', reason);
    return this.get(id);
  }

  /** Clears a pause or a failed state and starts the worker again with a fresh crash history. */
  resume(id: number): ProfileView | undefined {
    const row = this.o.profiles.get(id);
    if (!row) return undefined;
    if (!this.slots.has(id) && (row.state === 'paused' || row.state === 'failed')) this.setState(id, 'idle', null);
    return this.start(id);
  }

  /**
   * The watchdog: a worker still busy with an item whose lease ran out (it heartbeats but never finishes) is
   * killed and restarted like a crashed one. Returns how many were restarted.
   */
  restartStalled(expired: readonly ExpiredLease[]): number {
    let restarted = 0;
    for (const lease of expired) {
      const slot = [...this.slots.values()].find((s) => s.workerId === lease.owner);
      if (!slot?.proc || !slot.ticket?.startsWith(ticketPrefix(lease.kind, lease.id))) continue;
      this.log.warn({ profileId: slot.profileId, ticket: slot.ticket }, 'worker stalled on an item past its lease; restarting it');
      slot.proc.kill();
      restarted += 1;
    }
    return restarted;
  }

  /** Stops every worker (the profiles stay active for the next start), killing those still running after `shutdownMs` of real time. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.tickTimer !== undefined) this.o.clock.clearTimeout(this.tickTimer);
    const exits: Promise<void>[] = [];
    for (const slot of this.slots.values()) {
      if (slot.restartTimer !== undefined) this.o.clock.clearTimeout(slot.restartTimer);
      if (slot.proc) {
        this.requestStop(slot);
        exits.push(slot.exited);
      } else {
        this.slots.delete(slot.profileId);
        this.setState(slot.profileId, 'idle', null);
      }
    }
    const ceiling = setTimeout(() => {
      for (const slot of this.slots.values()) slot.proc?.kill();
    }, this.timing.shutdownMs);
    await Promise.all(exits);
    clearTimeout(ceiling);
  }

  private launch(id: number): void {
    if (this.closing) return;
    const existing = this.slots.get(id);
    if (existing) {
      existing.want = 'run';
      return;
    }
    const slot = newSlot(id);
    this.slots.set(id, slot);
    this.spawn(slot);
    if (this.tickTimer === undefined) this.scheduleTick();
  }

  private spawn(slot: Slot): void {
    slot.restartTimer = undefined;
    slot.workerId = `${slot.profileId}.${this.boot}.${++this.spawned}`;
    slot.phase = 'starting';
    slot.stopRequested = false;
    slot.ping = undefined;
    slot.note = null;
    slot.ticket = null;
    slot.verifies = false;
    const proc = this.o.host.spawn(`profile-${slot.profileId}`);
    slot.proc = proc;
    slot.exited = new Promise((resolve) => proc.onExit((code) => resolve(this.exited(slot, proc, code))));
    proc.onMessage((raw) => this.receive(slot, proc, raw));
    slot.deadline = this.o.clock.setTimeout(() => {
      if (slot.proc !== proc || slot.phase !== 'starting') return;
      this.log.warn({ profileId: slot.profileId }, 'worker missed the handshake deadline; killing it');
      proc.kill();
    }, this.timing.handshakeTimeoutMs);
    this.setState(slot.profileId, 'starting', slot.restarts > 0 ? `restart ${slot.restarts}` : null);
  }

  private receive(slot: Slot, proc: WorkerProcess, raw: unknown): void {
    if (slot.proc !== proc) return;
    const parsed = workerMessage.safeParse(raw);
    if (!parsed.success) {
      this.log.error({ profileId: slot.profileId, issues: parsed.error.issues.slice(0, 3) }, 'worker broke the protocol; killing it');
      proc.kill();
      return;
    }
    this.handle(slot, proc, parsed.data);
  }

  private handle(slot: Slot, proc: WorkerProcess, message: WorkerMessage): void {
    switch (message.type) {
      case 'hello':
        return this.hello(slot, proc, message);
      case 'ready':
        if (slot.stopRequested) return;
        this.clearDeadline(slot);
        slot.phase = 'online';
        slot.verifies = message.verifies ?? false;
        slot.lastHeartbeatAt = this.o.clock.now();
        this.setState(slot.profileId, 'online', null);
        if (slot.want !== 'run') this.requestStop(slot);
        return;
      case 'heartbeat':
        if (slot.ping?.seq === message.seq) slot.ping = undefined;
        slot.lastHeartbeatAt = this.o.clock.now();
        slot.rssBytes = message.rssBytes;
        slot.ticket = message.ticket;
        return;
      case 'pull': {
        const items = slot.phase === 'online' && slot.want === 'run' ? this.claim(slot, message.max) : [];
        proc.send({ type: 'work', replyTo: message.id, items });
        if (items.length > 0) this.setPhase(slot, 'working', `working on ${items.map((i) => i.ticket).join(', ')}`);
        return;
      }
      case 'progress':
        slot.note = message.note;
        this.emit(slot.profileId);
        return;
      case 'effect': {
        const verdict = this.beginEffect(slot, message.ticket, message.idempotencyKey);
        proc.send({ type: 'ack', replyTo: message.id, ...verdict });
        return;
      }
      case 'result': {
        const { accepted, pause } = this.complete(slot, message.ticket, message.result);
        proc.send({ type: 'ack', replyTo: message.id, accepted, ...(accepted ? {} : { reason: 'lease lost' }) });
        if (slot.phase === 'working') this.setPhase(slot, 'online', null);
        if (pause) this.halt(slot.profileId, 'pause', pause.reason, pause.detail);
        return;
      }
      case 'log':
        this.log[message.level]({ profileId: slot.profileId, ...message.data }, message.msg);
        return;
      case 'fatal':
        this.log.warn({ profileId: slot.profileId, reason: message.reason }, 'worker cannot run the profile as configured; not restarting it');
        slot.fatal = message.reason;
        proc.send({ type: 'refuse', reason: message.reason });
        proc.kill();
        return;
    }
  }

  private hello(slot: Slot, proc: WorkerProcess, message: Extract<WorkerMessage, { type: 'hello' }>): void {
    const row = this.o.profiles.get(slot.profileId);
    let refusal: string | undefined;
    if (message.protocolVersion !== WORKER_PROTOCOL_VERSION) {
      refusal = `worker speaks protocol ${message.protocolVersion}, this app speaks ${WORKER_PROTOCOL_VERSION}`;
    } else if (!row) {
      refusal = 'the profile was deleted';
    } else if (!message.profileTypes.includes(row.type_code)) {
      refusal = `this build has no channel for profile type ${row.type_code}`;
    }
    if (row && !refusal) {
      try {
        proc.send({ type: 'welcome', workerId: slot.workerId, profile: this.o.profiles.workerProfile(row, this.o.openCredentials ?? noCredentials) });
        return;
      } catch (error) {
        refusal = `cannot prepare the profile: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    slot.fatal = refusal;
    proc.send({ type: 'refuse', reason: refusal ?? 'refused' });
    proc.kill();
  }

  private claim(slot: Slot, max: number) {
    try {
      return this.o.work.claim(slot.profileId, slot.workerId, max, { verify: slot.verifies });
    } catch (error) {
      this.log.error({ err: error, profileId: slot.profileId }, 'claiming work failed');
      return [];
    }
  }

  private complete(slot: Slot, ticket: string, result: Parameters<WorkSource['complete']>[2]): CompleteResult {
    try {
      return this.o.work.complete(slot.workerId, ticket, result);
    } catch (error) {
      this.log.error({ err: error, profileId: slot.profileId, ticket }, 'recording a result failed');
      return { accepted: false, pause: null };
    }
  }

  private beginEffect(slot: Slot, ticket: string, idempotencyKey: string): EffectVerdict {
    try {
      return this.o.work.beginEffect(slot.workerId, ticket, idempotencyKey);
    } catch (error) {
      this.log.error({ err: error, profileId: slot.profileId, ticket }, 'recording an effect failed');
      return { accepted: false, reason: 'main could not record the effect' };
    }
  }

  private exited(slot: Slot, proc: WorkerProcess, code: number | null): void {
    if (slot.proc !== proc) return;
    this.clearDeadline(slot);
    slot.proc = undefined;
    slot.ping = undefined;
    const id = slot.profileId;
    if (slot.fatal !== undefined || this.closing || slot.want !== 'run') {
      this.slots.delete(id);
      if (slot.fatal !== undefined) this.setState(id, 'failed', slot.fatal);
      else if (slot.want === 'pause') {
        const pause = this.pauseReasons.get(id);
        this.setState(id, 'paused', pause?.detail ?? null, pause?.reason ?? 'operator');
      }
      else this.setState(id, 'idle', null);
      this.pauseReasons.delete(id);
      return;
    }
    if (slot.stopRequested) {
      // Stopped on request and started again before it ended: not a crash.
      this.spawn(slot);
      return;
    }
    const now = this.o.clock.now();
    slot.crashes = [...slot.crashes.filter((t) => now - t < this.timing.crashWindowMs), now];
    this.log.warn({ profileId: id, code, crashes: slot.crashes.length }, 'worker exited unexpectedly');
    if (slot.crashes.length >= this.timing.maxCrashes) {
      this.slots.delete(id);
      this.setState(id, 'failed', `worker crashed ${slot.crashes.length} times in ${Math.round(this.timing.crashWindowMs / 60_000)} min (last exit code ${code ?? 'signal'})`);
      return;
    }
    slot.restarts += 1;
    const delay = backoffDelay(this.timing.backoff, slot.crashes.length, this.o.random ?? Math.random);
    this.setState(id, 'starting', `worker exited (code ${code ?? 'signal'}); restarting in ${Math.ceil(delay / 1000)} s`);
    slot.restartTimer = this.o.clock.setTimeout(() => {
      if (this.slots.get(id) === slot && !slot.proc) this.spawn(slot);
    }, delay);
  }

  private halt(id: number, want: Exclude<Want, 'run'>, reason: PauseReason = 'operator', detail: string | null = null): void {
    if (want === 'pause') this.pauseReasons.set(id, { reason, detail });
    const slot = this.slots.get(id);
    if (!slot) {
      this.setState(id, want === 'pause' ? 'paused' : 'idle', want === 'pause' ? detail : null, want === 'pause' ? reason : null);
      this.pauseReasons.delete(id);
      return;
    }
    slot.want = want;
    if (slot.proc) {
      this.requestStop(slot);
      return;
    }
    // Waiting to restart: there is no process to stop.
    if (slot.restartTimer !== undefined) this.o.clock.clearTimeout(slot.restartTimer);
    this.slots.delete(id);
    this.setState(id, want === 'pause' ? 'paused' : 'idle', want === 'pause' ? detail : null, want === 'pause' ? reason : null);
    this.pauseReasons.delete(id);
  }

  private requestStop(slot: Slot): void {
    const proc = slot.proc;
    if (!proc || slot.stopRequested) return;
    slot.stopRequested = true;
    this.clearDeadline(slot);
    slot.phase = 'stopping';
    this.setState(slot.profileId, 'stopping', null);
    proc.send({ type: 'stop' });
    slot.deadline = this.o.clock.setTimeout(() => {
      if (slot.proc !== proc) return;
      this.log.warn({ profileId: slot.profileId }, 'worker did not stop in time; killing it');
      proc.kill();
    }, this.timing.stopDeadlineMs);
  }

  /** Ticks only while some profile has a worker: items are claimed only by their own profile's worker, so idle time needs no tick. */
  private scheduleTick(): void {
    this.tickTimer = undefined;
    if (this.closing || this.slots.size === 0) return;
    this.tickTimer = this.o.clock.setTimeout(() => {
      this.tick();
      this.scheduleTick();
    }, this.timing.tickMs);
  }

  /** Pings workers (killing those that stopped answering) and wakes idle ones to pull; the sweep loop takes back lost leases. */
  private tick(): void {
    const now = this.o.clock.now();
    for (const slot of this.slots.values()) {
      const proc = slot.proc;
      if (!proc || slot.phase === 'starting' || slot.phase === 'stopping') continue;
      if (slot.ping && now - slot.ping.sentAt >= this.timing.heartbeatTimeoutMs) {
        this.log.warn({ profileId: slot.profileId }, 'worker stopped answering heartbeats; killing it');
        proc.kill();
        continue;
      }
      if (!slot.ping) {
        slot.ping = { seq: ++slot.seq, sentAt: now };
        proc.send({ type: 'ping', seq: slot.seq });
      }
      if (slot.phase === 'online') proc.send({ type: 'wake' });
    }
  }

  private expireLeases(asOf?: number): void {
    try {
      this.o.work.expireLeases(asOf);
    } catch (error) {
      this.log.error({ err: error }, 'expiring leases failed');
    }
  }

  private clearDeadline(slot: Slot): void {
    if (slot.deadline !== undefined) this.o.clock.clearTimeout(slot.deadline);
    slot.deadline = undefined;
  }

  private setPhase(slot: Slot, phase: 'online' | 'working', detail: string | null): void {
    if (slot.phase === phase) return;
    slot.phase = phase;
    slot.note = null;
    this.setState(slot.profileId, phase, detail);
  }

  private setState(id: number, state: ProfileState, detail: string | null, pauseReason: PauseReason | null = null): void {
    this.o.profiles.setState(id, state, detail, pauseReason);
    this.emit(id);
  }

  private emit(id: number): void {
    const view = this.get(id);
    if (view) this.o.bus.emit('profiles.state', view);
  }

  private view(row: ProfileRow): ProfileView {
    const slot = this.slots.get(row.id);
    return {
      id: row.id,
      name: row.name,
      typeCode: row.type_code,
      active: row.active === 1,
      state: row.state,
      stateDetail: (row.state === 'working' && slot?.note) || row.state_detail,
      pauseReason: row.pause_reason,
      stateChangedAt: toIsoOrNull(row.state_changed_at),
      worker: slot?.proc
        ? { pid: slot.proc.pid ?? null, rssBytes: slot.rssBytes, lastHeartbeatAt: toIsoOrNull(slot.lastHeartbeatAt), restarts: slot.restarts }
        : null,
    };
  }
}
