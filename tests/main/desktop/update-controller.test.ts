import { EventEmitter } from 'node:events';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { UpdateController, type UpdateHooks, type UpdaterPort } from '../../../src/main/desktop/update-controller';
import type { UpdateState } from '../../../src/shared/contract/schemas/updates';
import { ManualClock } from '../../helpers/manual-clock';

/** Behaves like electron-updater's autoUpdater: emits its events during check and download, as configured by the test. */
class FakeUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  allowPrerelease = false;
  channel: string | null = null;
  latest: string | null = '1.1.0';
  failWith: Error | null = null;
  checks: { channel: string | null; allowPrerelease: boolean }[] = [];
  installs: [boolean | undefined, boolean | undefined][] = [];

  async checkForUpdates() {
    this.checks.push({ channel: this.channel, allowPrerelease: this.allowPrerelease });
    this.emit('checking-for-update');
    if (this.failWith) {
      this.emit('error', this.failWith);
      throw this.failWith;
    }
    if (this.latest) this.emit('update-available', { version: this.latest });
    else this.emit('update-not-available', { version: '1.0.0' });
    return { updateInfo: { version: this.latest ?? '1.0.0' } };
  }

  async downloadUpdate() {
    for (const percent of [25, 75, 100]) this.emit('download-progress', { percent, transferred: percent * 10, total: 1000, bytesPerSecond: 100, delta: 10 });
    this.emit('update-downloaded', { version: this.latest });
    return ['/tmp/outpost-1.1.0.AppImage'];
  }

  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function setup(options: { beforeInstall?: () => Promise<void>; channel?: 'stable' | 'beta'; autoDownload?: boolean } = {}) {
  const clock = new ManualClock();
  const updater = new FakeUpdater();
  const published: UpdateState[] = [];
  const order: string[] = [];
  const controller = new UpdateController({
    updater,
    clock,
    logger: pino({ level: 'silent' }),
    currentVersion: '1.0.0',
    timing: { startDelayMs: 60_000, intervalMs: 3_600_000 },
    ...(options.autoDownload === undefined ? {} : { autoDownload: options.autoDownload }),
  });
  const hooks: UpdateHooks = {
    channel: async () => options.channel ?? 'stable',
    publish: (state) => published.push(state),
    beforeInstall:
      options.beforeInstall ??
      (async () => {
        order.push('backup', 'workers stopped', 'store closed');
      }),
  };
  return { clock, updater, published, order, controller, hooks };
}

/** Lets the promise chains started by timers settle (no wall clock involved). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('the update controller', () => {
  it('takes over electron-updater: no download or install behind its back', () => {
    const { updater, controller } = setup();
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(controller.state()).toMatchObject({ status: 'idle', currentVersion: '1.0.0', version: null, nextCheckAt: null });
  });

  it('checks after the start delay and then every interval, on the injected clock', async () => {
    const { clock, updater, controller, hooks } = setup({ autoDownload: false });
    updater.latest = null;
    controller.start(hooks);
    expect(controller.state().nextCheckAt).toBe(new Date(clock.now() + 60_000).toISOString());
    clock.advance(59_999);
    expect(updater.checks).toHaveLength(0);
    clock.advance(1);
    await settle();
    expect(updater.checks).toHaveLength(1);
    expect(controller.state()).toMatchObject({ status: 'idle', message: 'Outpost is up to date.', lastCheckedAt: new Date(clock.now()).toISOString() });
    clock.advance(3_600_000);
    await settle();
    expect(updater.checks).toHaveLength(2);
    controller.stop();
    clock.advance(10 * 3_600_000);
    await settle();
    expect(updater.checks).toHaveLength(2);
  });

  it('finds, downloads with progress and offers the restart, publishing each state', async () => {
    const { controller, hooks, published } = setup();
    controller.start(hooks);
    const state = await controller.check();
    expect(state).toMatchObject({ status: 'downloaded', version: '1.1.0', progress: null });
    expect(published.map((s) => s.status)).toEqual(['checking', 'available', 'downloading', 'downloading', 'downloading', 'downloading', 'downloaded']);
    expect(published.filter((s) => s.status === 'downloading').map((s) => s.progress?.percent)).toEqual([0, 25, 75, 100]);
    expect(controller.downloaded).toBe(true);
  });

  it('follows the channel chosen in Settings', async () => {
    const { controller, hooks, updater } = setup({ channel: 'beta', autoDownload: false });
    controller.start(hooks);
    await controller.check();
    expect(updater.checks).toEqual([{ channel: 'beta', allowPrerelease: true }]);
    expect(controller.state().channel).toBe('beta');
  });

  it('never blocks when the feed cannot be reached', async () => {
    const { controller, hooks, updater } = setup();
    controller.start(hooks);
    updater.failWith = Object.assign(new Error('getaddrinfo ENOTFOUND updates.outpost-desk.app'), { code: 'ENOTFOUND' });
    expect(await controller.check()).toMatchObject({ status: 'idle', message: expect.stringContaining('could not be reached') });
    updater.failWith = new Error('sha512 checksum mismatch');
    expect(await controller.check()).toMatchObject({ status: 'error', message: 'sha512 checksum mismatch' });
  });

  it('can keep a downloaded update from installing at quit', () => {
    const { controller, updater } = setup();
    controller.skipInstallOnQuit();
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('refuses to install what is not downloaded', async () => {
    const { controller, hooks } = setup({ autoDownload: false });
    controller.start(hooks);
    await controller.check();
    await expect(controller.install()).rejects.toMatchObject({ code: 'conflict' });
  });

  it('installs only after the backup and the clean shutdown, answering before the shutdown starts', async () => {
    const { controller, hooks, updater, order, clock } = setup();
    controller.start(hooks);
    await controller.check();
    const answer = await controller.install();
    expect(answer.status).toBe('installing');
    expect(order).toEqual([]);
    clock.advance(0);
    await controller.installation;
    expect(order).toEqual(['backup', 'workers stopped', 'store closed']);
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('keeps running and offers the update again when the pre-update backup fails', async () => {
    const { controller, hooks, updater, clock } = setup({ beforeInstall: () => Promise.reject(new Error('disk full')) });
    controller.start(hooks);
    await controller.check();
    await controller.install();
    clock.advance(0);
    await controller.installation;
    expect(updater.installs).toEqual([]);
    expect(controller.state()).toMatchObject({ status: 'downloaded', message: 'Not installed: disk full. Outpost keeps running; try again.' });
    expect(controller.state().nextCheckAt).not.toBeNull();
  });
});
