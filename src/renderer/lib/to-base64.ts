// Spreading a whole file into String.fromCharCode overflows the call stack, so bytes go over in slices.
const CHUNK_BYTES = 0x8000;

/** Bytes as standard base64 (with padding), for any length. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK_BYTES));
  }
  return btoa(binary);
}

/** The bytes of a file or of a slice of it, as base64. */
export const blobToBase64 = async (blob: Blob): Promise<string> => toBase64(new Uint8Array(await blob.arrayBuffer()));
