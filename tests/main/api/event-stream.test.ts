import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t.stop());

/** Reads SSE frames until one named `event` arrives. */
async function nextEvent(body: ReadableStream<Uint8Array>, event: string): Promise<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended');
    buffer += decoder.decode(value, { stream: true });
    for (const frame of buffer.split('\n\n')) {
      const name = /^event: (.+)$/m.exec(frame)?.[1];
      const data = /^data: (.+)$/m.exec(frame)?.[1];
      if (name === event && data) {
        await reader.cancel();
        return JSON.parse(data);
      }
    }
  }
}

describe('Server-Sent Events', () => {
  it('refuses a stream without credentials', async () => {
    expect((await fetch(`${t.origin}/api/v1/events`)).status).toBe(401);
  });

  it('pushes settings.changed to an open stream when settings change', async () => {
    const stream = await t.api('/api/v1/events');
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const received = nextEvent(stream.body!, 'settings.changed');
    await t.api('/api/v1/settings', { method: 'POST', body: JSON.stringify({ operatorName: 'Grace' }) });
    expect(await received).toMatchObject({ operatorName: 'Grace' });
  });
});
