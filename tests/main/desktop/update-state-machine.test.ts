import { describe, expect, it } from 'vitest';
import { initialUpdateState, nextUpdateState, type UpdateEvent, type UpdateMachineState } from '../../../src/main/desktop/update-state-machine';

const run = (events: UpdateEvent[], from: UpdateMachineState = initialUpdateState('stable')) => events.reduce(nextUpdateState, from);
const progress = (percent: number): UpdateEvent => ({ type: 'progress', percent, transferred: percent * 1000, total: 100_000, bytesPerSecond: 5000 });

describe('the update state machine', () => {
  it('walks idle → checking → available → downloading → downloaded → installing', () => {
    const checking = run([{ type: 'check', channel: 'beta' }]);
    expect(checking).toMatchObject({ status: 'checking', channel: 'beta' });
    const available = nextUpdateState(checking, { type: 'available', version: '1.2.0', at: 1000 });
    expect(available).toMatchObject({ status: 'available', version: '1.2.0', lastCheckedAt: 1000 });
    const downloading = run([{ type: 'download' }, progress(40)], available);
    expect(downloading).toMatchObject({ status: 'downloading', progress: { percent: 40, transferred: 40_000, total: 100_000 } });
    const downloaded = nextUpdateState(downloading, { type: 'downloaded', version: '1.2.0' });
    expect(downloaded).toMatchObject({ status: 'downloaded', progress: null });
    expect(nextUpdateState(downloaded, { type: 'install' })).toMatchObject({ status: 'installing', version: '1.2.0' });
  });

  it('goes back to idle with a note when nothing newer exists', () => {
    expect(run([{ type: 'check', channel: 'stable' }, { type: 'not-available', at: 5 }])).toMatchObject({ status: 'idle', lastCheckedAt: 5, message: 'Outpost is up to date.' });
  });

  it('ignores events that make no sense where it is', () => {
    const idle = initialUpdateState('stable');
    for (const e of [progress(10), { type: 'download' }, { type: 'install' }, { type: 'available', version: '9', at: 1 }, { type: 'install-failed', message: 'x' }] as UpdateEvent[]) {
      expect(nextUpdateState(idle, e), e.type).toBe(idle);
    }
    const downloading = run([{ type: 'check', channel: 'stable' }, { type: 'available', version: '2', at: 1 }, { type: 'download' }]);
    expect(nextUpdateState(downloading, { type: 'check', channel: 'stable' })).toBe(downloading);
    const downloaded = nextUpdateState(downloading, { type: 'downloaded', version: '2' });
    expect(nextUpdateState(downloaded, { type: 'check', channel: 'beta' })).toBe(downloaded);
    expect(nextUpdateState(downloaded, progress(50))).toBe(downloaded);
  });

  it('keeps offline failures quiet: back where it was, with a note, never an error', () => {
    const offline = { type: 'error', message: 'net::ERR_INTERNET_DISCONNECTED', offline: true, at: 9 } as const;
    expect(run([{ type: 'check', channel: 'stable' }, offline])).toMatchObject({ status: 'idle', lastCheckedAt: 9, message: expect.stringContaining('could not be reached') });
    expect(run([{ type: 'check', channel: 'stable' }, { type: 'available', version: '2', at: 1 }, { type: 'download' }, progress(30), offline])).toMatchObject({
      status: 'available',
      progress: null,
    });
  });

  it('reports real failures as errors, from which a new check starts over', () => {
    const failed = run([{ type: 'check', channel: 'stable' }, { type: 'error', message: 'sha512 checksum mismatch', offline: false, at: 3 }]);
    expect(failed).toMatchObject({ status: 'error', message: 'sha512 checksum mismatch' });
    expect(nextUpdateState(failed, { type: 'check', channel: 'stable' })).toMatchObject({ status: 'checking', message: null });
  });

  it('keeps a downloaded update through later failures, and offers it again when the install is cancelled', () => {
    const downloaded = run([{ type: 'check', channel: 'stable' }, { type: 'available', version: '2', at: 1 }, { type: 'downloaded', version: '2' }]);
    expect(nextUpdateState(downloaded, { type: 'error', message: 'boom', offline: false, at: 2 })).toBe(downloaded);
    const installing = nextUpdateState(downloaded, { type: 'install' });
    expect(nextUpdateState(installing, { type: 'install-failed', message: 'Not installed: disk full' })).toMatchObject({ status: 'downloaded', message: 'Not installed: disk full' });
  });
});
