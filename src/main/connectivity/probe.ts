import { lookup } from 'node:dns/promises';
import { connect } from 'node:net';

/** Answers whether the machine can reach the network at all; never throws. */
export type Probe = () => Promise<boolean>;

/** Where the default probe looks: a well-known name resolved by DNS, then a TCP connect to it. */
export interface DnsTcpProbeOptions {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
}

/** The default target: a public resolver that answers on 443 almost everywhere. */
export const defaultProbeOptions: DnsTcpProbeOptions = { host: 'dns.google', port: 443, timeoutMs: 5_000 };

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

const tcpConnect = (address: string, port: number, timeoutMs: number): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const socket = connect({ host: address, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error('connect timed out'));
    });
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
  });

/** A probe that resolves `host` by DNS and opens a TCP connection to it, both within the timeout. */
export const dnsTcpProbe =
  (options: DnsTcpProbeOptions = defaultProbeOptions): Probe =>
  async () => {
    try {
      const { address } = await withTimeout(lookup(options.host), options.timeoutMs);
      await tcpConnect(address, options.port, options.timeoutMs);
      return true;
    } catch {
      return false;
    }
  };
