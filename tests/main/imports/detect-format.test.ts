import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectFileFormat, detectFormat, detectNewline, looksLikeHeader } from '../../../src/main/imports/detect-format';
import { tempDir } from '../../helpers/temp-dir';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('detectFormat', () => {
  it.each([
    [',', 'name,email,city\nAnn,ann@x.io,Paris\nBob,bob@y.io,Lyon\n'],
    [';', 'name;email;city\nAnn;ann@x.io;Paris, FR\nBob;bob@y.io;Lyon, FR\n'],
    ['\t', 'name\temail\tcity\nAnn\tann@x.io\tParis; FR\nBob\tbob@y.io\tLyon\n'],
    ['|', 'name|email|city\nAnn|ann@x.io|Paris, FR\nBob|bob@y.io|Lyon, FR\n'],
  ])('detects the %j delimiter by the most consistent count', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
    expect(detectFormat(utf8(text))).toMatchObject({ delimiter, encoding: 'utf-8', bomBytes: 0, newline: '\n', header: true });
  });

  it('ignores delimiters and newlines inside quoted cells', () => {
    const text = 'name;note\n"Ann";"a, b, c\nd, e"\n"Bob";"x, y"\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(detectNewline('"a\nb",c\r\nd,e\r\n')).toBe('\r\n');
  });

  it('reads a UTF-8 BOM, semicolons and CRLF as an Excel export', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Nom;Prénom;Ville\r\nMüller;Zoë;Köln\r\n')]);
    expect(detectFormat(bytes)).toEqual({ encoding: 'utf-8', bomBytes: 3, delimiter: ';', newline: '\r\n', header: true });
  });

  it('reads UTF-16 byte order marks', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('a\tb\n1\t2\n', 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('a|b\n1|2\n', 'utf-16be')]);
    expect(detectFormat(le)).toMatchObject({ encoding: 'utf-16le', bomBytes: 2, delimiter: '\t' });
    expect(detectFormat(be)).toMatchObject({ encoding: 'utf-16be', bomBytes: 2, delimiter: '|' });
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    expect(detectFormat(iconv.encode('name,first\nMüller,Zoë\n', 'windows-1252')).encoding).toBe('windows-1252');
  });

  it('accepts a UTF-8 sequence cut by the end of the sample', () => {
    const bytes = utf8('a,b\nZoë,x');
    expect(detectFormat(bytes.subarray(0, bytes.indexOf(0xc3) + 1)).encoding).toBe('utf-8');
  });

  it('tells a header row from a data row', () => {
    expect(looksLikeHeader(['First name', 'Email', 'Company'])).toBe(true);
    expect(looksLikeHeader(['Ann', 'ann@x.io', 'Acme'])).toBe(false);
    expect(looksLikeHeader(['Acme', 'https://acme.example', 'Paris'])).toBe(false);
    expect(looksLikeHeader(['Acme', 'acme.com', 'Paris'])).toBe(false);
    expect(looksLikeHeader(['name', '', 'city'])).toBe(false);
    expect(looksLikeHeader(['name', 'Name'])).toBe(false);
    expect(looksLikeHeader(['Ann', '42'])).toBe(false);
    expect(detectFormat(utf8('Ann,ann@x.io\nBob,bob@y.io\n')).header).toBe(false);
  });

  it('uses the delimiter it is given instead of guessing', () => {
    expect(detectFormat(utf8('a;b,c\n1;2,3\n'), { delimiter: ';' }).delimiter).toBe(';');
  });

  it('detects from the first bytes of a file on disk', async () => {
    const file = join(tempDir(), 'x.csv');
    writeFileSync(file, 'email|name\n' + 'a@b.io|A\n'.repeat(20_000));
    expect(await detectFileFormat(file)).toMatchObject({ delimiter: '|', header: true, encoding: 'utf-8' });
  });
});
