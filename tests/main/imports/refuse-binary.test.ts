import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { whyNotCsv } from '../../../src/main/imports/refuse-binary';

const bytes = (...parts: (number[] | string | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' || Array.isArray(p) ? Buffer.from(p) : p)));

describe('whyNotCsv', () => {
  it.each([
    ['an Excel workbook', bytes([0x50, 0x4b, 0x03, 0x04], 'xl/workbook.xml'), 'an Excel workbook (.xlsx) or another zip archive'],
    ['an old Excel workbook', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'an old Excel workbook (.xls) or another Office document'],
    ['a PDF', bytes('%PDF-1.7\n'), 'a PDF document'],
  ])('names %s', (_what, input, looksLike) => {
    expect(whyNotCsv(input)).toBe(`the file is not CSV text: it looks like ${looksLike}; export or save it as CSV and import that file`);
  });

  it('refuses other binary data', () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(whyNotCsv(noise)).toBe('the file is not CSV text: it holds binary data; export or save it as CSV and import that file');
  });

  it('accepts text in every supported encoding, even with a stray control character', () => {
    expect(whyNotCsv(bytes('Email,Name\nada@x.io,Ada\n'))).toBeNull();
    expect(whyNotCsv(iconv.encode('Name;Ville\r\nJürgen;Köln\r\n', 'win1252'))).toBeNull();
    expect(whyNotCsv(bytes([0xff, 0xfe], iconv.encode('Name,Email\nZoë,z@x.io\n', 'utf-16le')))).toBeNull();
    expect(whyNotCsv(iconv.encode('Name,Email\nZoë,z@x.io\n', 'utf-16le'), 'utf-16le')).toBeNull();
    expect(whyNotCsv(bytes(`Name,Note\n${'Ada,ok\n'.repeat(50)}Bob,\u0007bell\n`))).toBeNull();
  });
});
