import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkItem, WorkerProfile } from '../../../../../src/shared/worker-protocol/messages';
import type { ChannelContext } from '../../../../../src/workers/channels/channel';
import type { Dovecot } from '../../../../helpers/dovecot';

/** A fixture message's raw text. */
export const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

/** A mailbox profile that reads the test Dovecot. */
export const dovecotProfile = (dovecot: Dovecot, password = dovecot.password): WorkerProfile => ({
  id: 1,
  name: 'box',
  typeCode: 'smtp_imap',
  settings: { ...dovecot.profileSettings },
  credentials: { user: dovecot.user, password },
});

/** An inbox check (or, with `kind: 'outreach'`, a verify-mode outreach) item with these params. */
export const workItem = (params: Record<string, unknown>, kind: WorkItem['kind'] = 'inbox_check'): WorkItem => ({
  ticket: `${kind}:1:1`,
  kind,
  recordId: 1,
  typeCode: 'smtp_imap',
  attempt: 1,
  idempotencyKey: `${kind}-1`,
  target: null,
  params,
  mode: kind === 'inbox_check' ? 'perform' : 'verify',
  leaseExpiresAt: Date.now() + 60_000,
});

/** A channel context that keeps what it was told. */
export function recordingContext() {
  const notes: string[] = [];
  const logs: { level: string; msg: string }[] = [];
  const context: ChannelContext = {
    progress: (note) => notes.push(note),
    log: (level, msg) => logs.push({ level, msg }),
    effect: () => Promise.reject(new Error('an inbox check has no external effects')),
  };
  return { context, notes, logs };
}
