import { describe, expect, it } from 'vitest';
import { providerMessage, retryAfterSeconds } from '../../../../src/workers/channels/http-api/provider-error';

const now = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('the wait a provider asks for', () => {
  it('reads Retry-After as seconds or an HTTP date, and X-RateLimit-Reset as seconds, Unix seconds or Unix milliseconds', () => {
    expect(retryAfterSeconds(new Headers({ 'retry-after': '30' }), now)).toBe(30);
    expect(retryAfterSeconds(new Headers({ 'retry-after': new Date(now + 90_000).toUTCString() }), now)).toBe(90);
    expect(retryAfterSeconds(new Headers({ 'x-ratelimit-reset': '45' }), now)).toBe(45);
    expect(retryAfterSeconds(new Headers({ 'x-ratelimit-reset': String(now / 1000 + 600) }), now)).toBe(600);
    expect(retryAfterSeconds(new Headers({ 'x-ratelimit-reset': String(now + 5_000) }), now)).toBe(5);
    expect(retryAfterSeconds(new Headers({ 'retry-after': '15', 'x-ratelimit-reset': '99' }), now)).toBe(15);
    expect(retryAfterSeconds(new Headers(), now)).toBeNull();
  });
});

describe("the provider's message", () => {
  it('comes from the common JSON error shapes, else the text, shortened and without the API key', () => {
    expect(providerMessage('{"message":"bad domain"}', 'k')).toBe('bad domain');
    expect(providerMessage('{"error":{"message":"nested"}}', 'k')).toBe('nested');
    expect(providerMessage('{"error":"flat"}', 'k')).toBe('flat');
    expect(providerMessage('{"errors":[{"details":"listed"}]}', 'k')).toBe('listed');
    expect(providerMessage('Gateway Timeout', 'k')).toBe('Gateway Timeout');
    expect(providerMessage('key sk-123 is wrong', 'sk-123')).toBe('key *** is wrong');
    expect(providerMessage('x'.repeat(400), 'k')).toHaveLength(301);
  });
});
