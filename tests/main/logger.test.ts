import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/main/logger';

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
});
