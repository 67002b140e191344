import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_ORIGIN } from '../../../src/main/desktop/app-protocol';
import { createIpcInvoker, senderAllowed } from '../../../src/main/desktop/ipc-guard';
import type { Handlers } from '../../../src/main/api/handler-types';
import { startTestCore, type TestCore } from '../../helpers/test-core';

const page = { url: `${APP_INDEX_URL}#/leads`, isMainFrame: true };

describe('IPC sender check', () => {
  it('accepts only the top frame of our own origins', () => {
    expect(senderAllowed(page, [APP_ORIGIN])).toBe(true);
    expect(senderAllowed({ url: 'http://localhost:5173/', isMainFrame: true }, [APP_ORIGIN, 'http://localhost:5173'])).toBe(true);
    expect(senderAllowed({ url: 'http://localhost:5173/', isMainFrame: true }, [APP_ORIGIN])).toBe(false);
    expect(senderAllowed({ ...page, isMainFrame: false }, [APP_ORIGIN])).toBe(false);
    expect(senderAllowed({ url: 'app://evil/index.html', isMainFrame: true }, [APP_ORIGIN])).toBe(false);
    expect(senderAllowed({ url: 'file:///opt/outpost/renderer/index.html', isMainFrame: true }, [APP_ORIGIN])).toBe(false);
    expect(senderAllowed({ url: 'https://outpost/index.html', isMainFrame: true }, [APP_ORIGIN])).toBe(false);
    expect(senderAllowed({ url: 'about:blank', isMainFrame: true }, [APP_ORIGIN])).toBe(false);
    expect(senderAllowed({ url: '', isMainFrame: true }, [APP_ORIGIN])).toBe(false);
    expect(senderAllowed(null, [APP_ORIGIN])).toBe(false);
  });
});

describe('the IPC door over the real handlers', () => {
  let t: TestCore;
  const failures: unknown[] = [];
  beforeAll(async () => {
    t = await startTestCore();
  });
  afterAll(() => t.stop());
  const invoke = () => createIpcInvoker(t.core.handlers, [APP_ORIGIN], (error) => failures.push(error));

  it('answers a contract method from the dashboard page', async () => {
    const result = await invoke()(page, 'system.info', {});
    expect(result).toMatchObject({ ok: true, value: { edition: 'browser', counts: { leads: 0 } } });
  });

  it('refuses foreign frames, unknown names and bad input as {code, message} values', async () => {
    expect(await invoke()({ url: 'https://evil.example/', isMainFrame: true }, 'system.info', {})).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'calls are accepted from the dashboard page only' },
    });
    expect(await invoke()({ ...page, isMainFrame: false }, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke()(page, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await invoke()(page, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await invoke()(page, 42, {})).toMatchObject({ ok: false, error: { code: 'not_found', message: 'no method number' } });
    const bad = await invoke()(page, 'leads.get', { id: 'one', extra: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(JSON.stringify(bad)).toMatch(/id/);
    expect(await invoke()(page, 'system.info', { unexpected: 1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('hides an unexpected failure behind a generic message and logs it', async () => {
    const broken = { ...t.core.handlers, 'system.info': () => Promise.reject(new Error('SQLITE_CORRUPT at /home/me/secret/path')) } as Handlers;
    const result = await createIpcInvoker(broken, [APP_ORIGIN], (error) => failures.push(error))(page, 'system.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'internal error; details are in the log' } });
    expect(failures).toHaveLength(1);
  });
});
