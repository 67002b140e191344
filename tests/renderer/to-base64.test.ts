import { describe, expect, it } from 'vitest';
import { blobToBase64, toBase64 } from '../../src/renderer/lib/to-base64';

const bytesOf = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + 7) % 256);

describe('toBase64', () => {
  it.each([0, 1, 2, 3, 255, 256])('matches Buffer for %i bytes', (length) => {
    const bytes = bytesOf(length);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('handles arrays far larger than one call can spread', () => {
    const bytes = bytesOf(3 * 1024 * 1024 + 1);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('reads a slice of a blob', async () => {
    const bytes = bytesOf(1000);
    expect(await blobToBase64(new Blob([bytes]).slice(0, 300))).toBe(Buffer.from(bytes.subarray(0, 300)).toString('base64'));
  });
});
