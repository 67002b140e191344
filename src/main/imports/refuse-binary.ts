import { decodeSample, detectBom, detectEncoding, type CsvEncoding } from './detect-format';

// Signatures of files people pick by mistake instead of exporting CSV.
const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook (.xlsx) or another zip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls) or another Office document' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
];

// Share of control characters (besides tab, line breaks and form feed) above which decoded text is binary.
const MAX_CONTROL_SHARE = 0.01;

/** Why the first bytes of a file are not CSV text (what the file looks like, and what to do), or null when they are text in `given` or the detected encoding. */
export function whyNotCsv(bytes: Uint8Array, given: CsvEncoding | 'auto' = 'auto'): string | null {
  const signature = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (signature) return `the file is not CSV text: it looks like ${signature.what}; export or save it as CSV and import that file`;
  const bom = detectBom(bytes);
  const encoding = given === 'auto' ? (bom?.encoding ?? detectEncoding(bytes)) : given;
  const bomBytes = bom?.encoding === encoding ? bom.bomBytes : 0;
  const text = decodeSample(bytes, encoding, bomBytes);
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isBinaryControl(text.charCodeAt(i))) controls++;
  if (controls > 0 && controls >= text.length * MAX_CONTROL_SHARE) return 'the file is not CSV text: it holds binary data; export or save it as CSV and import that file';
  return null;
}

/** Control characters text files do not hold (tab, line feed, vertical tab, form feed and carriage return are text). */
function isBinaryControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}
