import { ApiError } from '../api-error';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The Host values a loopback server on `port` answers to; anything else is a DNS-rebinding attempt. */
export const allowedHosts = (port: number): Set<string> => new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));

/** Refuses requests whose Host is not our loopback name and port, or that come from another site (CSRF). */
export function checkHostAndOrigin(headers: Record<string, string | string[] | undefined>, port: number): void {
  const hosts = allowedHosts(port);
  const host = headers.host;
  if (typeof host !== 'string' || !hosts.has(host.toLowerCase())) {
    throw new ApiError('forbidden', `Host header ${JSON.stringify(host ?? '')} is not this server; use http://127.0.0.1:${port}`);
  }
  const origin = headers.origin;
  if (origin !== undefined) {
    const value = Array.isArray(origin) ? origin.join(',') : origin;
    if (!value.startsWith('http://') || !hosts.has(value.slice('http://'.length).toLowerCase())) {
      throw new ApiError('forbidden', `cross-site request from origin ${JSON.stringify(value)} refused`);
    }
  }
  if (headers['sec-fetch-site'] === 'cross-site') throw new ApiError('forbidden', 'cross-site request refused');
}
