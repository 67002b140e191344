import { describe, expect, it } from 'vitest';
import { trayView } from '../../../src/main/desktop/tray-status';

const p = (state: 'online' | 'working' | 'paused' | 'failed' | 'idle' | 'starting', active = true) => ({ active, state });

describe('the tray status', () => {
  it('is running when every active profile runs', () => {
    expect(trayView([p('online'), p('working'), p('paused', false)], true)).toEqual({ status: 'running', tooltip: 'Outpost: 2 profiles running' });
    expect(trayView([], true)).toEqual({ status: 'running', tooltip: 'Outpost: no active profile' });
  });

  it('is paused when an active profile waits for the operator', () => {
    expect(trayView([p('online'), p('paused')], true)).toEqual({ status: 'paused', tooltip: 'Outpost: 1 profile running, 1 paused; needs your attention' });
    expect(trayView([p('failed')], true).status).toBe('paused');
  });

  it('is offline whenever the connection is down, whatever the profiles', () => {
    expect(trayView([p('paused'), p('online')], false)).toEqual({ status: 'offline', tooltip: 'Outpost: offline, work waits for the connection (1 profile running, 1 paused)' });
  });
});
