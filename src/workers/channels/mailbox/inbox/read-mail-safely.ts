import { readMail, type ReadMail } from './mail-facts';

// mailparser refuses a MIME node whose header block passes its limit (2 MB); we keep far less of a header.
const MAX_HEADER_BYTES = 64 * 1024;

const headerEnd = (source: Buffer): number => {
  const crlf = source.indexOf('\r\n\r\n');
  const lf = source.indexOf('\n\n');
  return [crlf, lf].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), source.length);
};

/** The message with its top header block cut to its first 64 KiB (at a line end) and the body untouched. */
const withShortHeaders = (source: Buffer): Buffer => {
  const end = headerEnd(source);
  const head = source.subarray(0, Math.min(end, MAX_HEADER_BYTES));
  const cut = end > MAX_HEADER_BYTES ? head.subarray(0, Math.max(0, head.lastIndexOf('\n'))) : head;
  return Buffer.concat([cut, Buffer.from('\r\n'), source.subarray(end)]);
};

/**
 * Parses a message that mailparser may refuse (an oversized header, a broken MIME tree): first as it is, then with
 * its header block cut short, last as plain text of its raw body. A hostile message is still read and classified
 * instead of failing the whole inbox check on every retry.
 */
export async function readMailSafely(source: Buffer): Promise<ReadMail> {
  try {
    return await readMail(source);
  } catch {
    try {
      return await readMail(withShortHeaders(source));
    } catch {
      const body = source.subarray(headerEnd(source)).subarray(0, MAX_HEADER_BYTES).toString('latin1');
      return readMail(Buffer.from(`Content-Type: text/plain; charset=utf-8\r\n\r\n${body.replace(/^\s+/, '')}`, 'latin1'));
    }
  }
}
