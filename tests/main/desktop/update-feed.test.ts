import { describe, expect, it } from 'vitest';
import { DEFAULT_UPDATE_FEED, isOfflineError, resolveUpdateFeed } from '../../../src/main/desktop/update-feed';

describe('the update feed', () => {
  it('defaults to the generic https feed and accepts another https one', () => {
    expect(resolveUpdateFeed(undefined)).toEqual({ provider: 'generic', url: DEFAULT_UPDATE_FEED });
    expect(resolveUpdateFeed('  ')).toEqual({ provider: 'generic', url: DEFAULT_UPDATE_FEED });
    expect(resolveUpdateFeed('https://downloads.example.com/outpost')).toEqual({ provider: 'generic', url: 'https://downloads.example.com/outpost/' });
  });

  it('accepts plain http only on the loopback interface (a local folder served for testing)', () => {
    expect(resolveUpdateFeed('http://127.0.0.1:8123/feed/').url).toBe('http://127.0.0.1:8123/feed/');
    expect(resolveUpdateFeed('http://localhost:8123').url).toBe('http://localhost:8123/');
    expect(() => resolveUpdateFeed('http://updates.example.com/')).toThrow(/only https feeds/);
    expect(() => resolveUpdateFeed('file:///srv/feed')).toThrow(/only https feeds/);
    expect(() => resolveUpdateFeed('https://user:pw@example.com/')).toThrow(/credentials/);
    expect(() => resolveUpdateFeed('feed')).toThrow(/expected an https URL/);
  });

  it('tells an unreachable feed from a real failure', () => {
    expect(isOfflineError(Object.assign(new Error('getaddrinfo ENOTFOUND updates.example.com'), { code: 'ENOTFOUND' }))).toBe(true);
    expect(isOfflineError(new Error('net::ERR_INTERNET_DISCONNECTED'))).toBe(true);
    expect(isOfflineError(new Error('net::ERR_NAME_NOT_RESOLVED'))).toBe(true);
    expect(isOfflineError(new Error('connect ECONNREFUSED 127.0.0.1:9'))).toBe(true);
    expect(isOfflineError(new Error('sha512 checksum mismatch'))).toBe(false);
    expect(isOfflineError(new Error('HttpError: 404 Not Found'))).toBe(false);
  });
});
