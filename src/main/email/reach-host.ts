import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, createConnection } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { errorText, type StepLog } from './connection-steps';

/** Resolves a host name to addresses (injectable so tests can answer from a local DNS server). */
export type HostLookup = (host: string) => Promise<string[]>;

/** The system resolver, every address. */
export const systemLookup: HostLookup = async (host) => (await dnsLookup(host, { all: true })).map((a) => a.address);

/** How long one network step may take. */
export const STEP_TIMEOUT_MS = 10_000;

/** The DNS step: the host's addresses (an IP literal needs no lookup). */
export async function resolveStep(log: StepLog, label: string, host: string, lookup: HostLookup): Promise<string | undefined> {
  const literal = host.replace(/^\[|\]$/g, '');
  return log.run(
    'dns',
    async () => {
      if (isIP(literal)) return { value: literal, message: `${host} is an IP address` };
      const addresses = await lookup(host);
      const first = addresses[0];
      if (!first) throw new Error('no address');
      return { value: first, message: `${host} resolves to ${addresses.slice(0, 3).join(', ')}` };
    },
    (error) => `the ${label} host ${host} does not resolve: ${errorText(error)}`,
  );
}

/** The TCP step: a connection to address:port opens (and is closed again). */
export async function connectStep(log: StepLog, label: string, address: string, port: number): Promise<void> {
  await log.run(
    'tcp',
    () =>
      new Promise<{ value: undefined; message: string }>((resolve, reject) => {
        const socket = createConnection({ host: address, port });
        socket.setTimeout(STEP_TIMEOUT_MS, () => socket.destroy(Object.assign(new Error(`no answer within ${STEP_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' })));
        socket.once('connect', () => {
          socket.destroy();
          resolve({ value: undefined, message: `connected to ${address}:${port}` });
        });
        socket.once('error', reject);
      }),
    (error) => `could not connect to the ${label} server at ${address}:${port}: ${errorText(error)}`,
  );
}

/** The TLS step of an implicit-TLS port: the handshake completes and the certificate is valid for the host. */
export async function tlsStep(log: StepLog, label: string, host: string, address: string, port: number): Promise<void> {
  await log.run(
    'tls',
    () =>
      new Promise<{ value: undefined; message: string }>((resolve, reject) => {
        const servername = isIP(host) ? undefined : host;
        const socket: TLSSocket = tlsConnect({ host: address, port, ...(servername ? { servername } : {}) });
        socket.setTimeout(STEP_TIMEOUT_MS, () => socket.destroy(Object.assign(new Error(`no TLS handshake within ${STEP_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' })));
        socket.once('secureConnect', () => {
          const protocol = socket.getProtocol() ?? 'TLS';
          socket.destroy();
          resolve({ value: undefined, message: `${protocol} with a certificate valid for ${host}` });
        });
        socket.once('error', reject);
      }),
    (error) => `TLS with the ${label} server failed: ${errorText(error)}`,
  );
}
