import { describe, expect, it } from 'vitest';
import { createBridge, type RendererIpc } from '../../src/preload/bridge-policy';
import { IPC_EVENT, IPC_INVOKE } from '../../src/shared/bridge';

/** A stand-in for ipcRenderer that records invokes and lets the test push events as main would. */
function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const ipc: RendererIpc = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, ...args]);
      return { ok: true, value: 'answer' };
    },
    on: (channel, listener) => listeners.set(channel, listener),
  };
  const push = (...args: unknown[]) => listeners.get(IPC_EVENT)?.({ sender: 'the electron event object', ports: [] }, ...args);
  return { ipc, invoked, push, listeners };
}

describe('the preload bridge', () => {
  it('exposes only invoke and on, frozen', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('invokes contract methods only, on the one invoke channel', async () => {
    const f = fakeIpc();
    const bridge = createBridge(f.ipc);
    expect(await bridge.invoke('system.info', {})).toEqual({ ok: true, value: 'answer' });
    expect(await bridge.invoke('ipcRenderer.send', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'unknown method ipcRenderer.send' } });
    expect(await bridge.invoke('toString', {})).toMatchObject({ ok: false });
    expect(await bridge.invoke('__proto__', {})).toMatchObject({ ok: false });
    expect(f.invoked).toEqual([[IPC_INVOKE, 'system.info', {}]]);
  });

  it('subscribes to contract events only and passes the payload alone, never the Electron event', () => {
    const f = fakeIpc();
    const bridge = createBridge(f.ipc);
    expect(() => bridge.on('not.an.event', () => undefined)).toThrow('unknown event not.an.event');
    expect(() => bridge.on('hasOwnProperty', () => undefined)).toThrow(/unknown event/);
    const seen: unknown[][] = [];
    const stop = bridge.on('leads.changed', (...args: unknown[]) => seen.push(args));
    f.push('leads.changed', { reason: 'import', total: 3 });
    f.push('made.up', { x: 1 });
    f.push(42, {});
    expect(seen).toEqual([[{ reason: 'import', total: 3 }]]);
    stop();
    f.push('leads.changed', { reason: 'import', total: 4 });
    expect(seen).toHaveLength(1);
    expect([...f.listeners.keys()]).toEqual([IPC_EVENT]);
  });
});
