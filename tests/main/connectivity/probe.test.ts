import { createServer } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { dnsTcpProbe } from '../../../src/main/connectivity/probe';

async function listening(): Promise<number> {
  const server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('the default probe', () => {
  it('answers true when the name resolves and the port accepts a connection', async () => {
    const port = await listening();
    expect(await dnsTcpProbe({ host: 'localhost', port, timeoutMs: 2_000 })()).toBe(true);
  });

  it('answers false when nothing listens, and when the name does not resolve', async () => {
    const port = await listening();
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const closed = (gone.address() as { port: number }).port;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    expect(await dnsTcpProbe({ host: '127.0.0.1', port: closed, timeoutMs: 2_000 })()).toBe(false);
    expect(await dnsTcpProbe({ host: 'no-such-host.invalid', port, timeoutMs: 2_000 })()).toBe(false);
  });
});
