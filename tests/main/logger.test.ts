import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, LOG_FILE_NAME } from '../../src/main/logger';
import { tempDir } from '../helpers/temp-dir';

describe('structured logs', () => {
  it('write JSON lines with secrets replaced, wherever they sit', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination });
    logger.info({ key: 'op_secret1', profile: { password: 'hunter2', credentials: 'c', name: 'Box' }, req: { headers: { authorization: 'Bearer op_x', cookie: 'outpost_session=ops_y' } } }, 'hello');
    const text = lines.join('');
    for (const secret of ['op_secret1', 'hunter2', 'Bearer op_x', 'ops_y']) expect(text).not.toContain(secret);
    const entry = JSON.parse(lines[0] ?? '{}');
    expect(entry).toMatchObject({ msg: 'hello', key: '[redacted]', profile: { password: '[redacted]', name: 'Box' } });
  });

  it('rotate by size into <data>/logs with a bounded number of files, secrets still redacted', async () => {
    const logDir = join(tempDir(), 'logs');
    const logger = createLogger({ level: 'info', file: { logDir, size: '2K', files: 2 } });
    for (let i = 0; i < 200; i++) logger.info({ i, password: 'hunter2-rotated', padding: 'p'.repeat(40) }, 'line');
    const expected = ['outpost.log', 'outpost.log.1', 'outpost.log.2'];
    while (!expected.every((f) => readdirSync(logDir).includes(f))) await new Promise((r) => setTimeout(r, 20));
    // The writes are queued behind the rotations; the folder never holds more than the current file and two rotated ones.
    await new Promise((r) => setTimeout(r, 300));
    expect(readdirSync(logDir).sort()).toEqual(expected);
    const all = expected.map((f) => readFileSync(join(logDir, f), 'utf8')).join('');
    expect(all).not.toContain('hunter2-rotated');
    const last = readFileSync(join(logDir, LOG_FILE_NAME), 'utf8').trim().split('\n').at(-1) ?? '{}';
    expect(JSON.parse(last)).toMatchObject({ msg: 'line', password: '[redacted]' });
  });
});
