import { describe, expect, it } from 'vitest';
import { NotificationPolicy } from '../../../src/main/desktop/notification-policy';

const profile = (id: number, state: string, stateDetail: string | null = null) => ({ name: 'profiles.state', payload: { id, name: `Mailbox ${id}`, state, stateDetail } });
const imported = (id: number, status: string) => ({
  name: 'imports.progress',
  payload: { id, fileName: 'apollo.csv', status, inserted: 1200, merged: 34, rejected: status === 'done' ? 2 : 0 },
});

describe('OS notifications from bus events', () => {
  it('announces a profile that becomes paused, once per pause', () => {
    const n = new NotificationPolicy();
    expect(n.next(profile(1, 'working'))).toBeNull();
    expect(n.next(profile(1, 'paused', 'LinkedIn shows a captcha'))).toEqual({ title: 'Profile paused: Mailbox 1', body: 'LinkedIn shows a captcha', area: 'profiles' });
    expect(n.next(profile(1, 'paused', 'LinkedIn shows a captcha'))).toBeNull();
    expect(n.next(profile(1, 'online'))).toBeNull();
    expect(n.next(profile(1, 'paused'))).toMatchObject({ body: 'It waits for you in Profiles.' });
  });

  it('announces a finished or failed import once, not its progress', () => {
    const n = new NotificationPolicy();
    expect(n.next(imported(5, 'importing'))).toBeNull();
    expect(n.next(imported(5, 'done'))).toEqual({ title: 'Import finished', body: 'apollo.csv: 1,200 new leads, 34 merged, 2 rows rejected', area: 'imports' });
    expect(n.next(imported(5, 'done'))).toBeNull();
    expect(n.next(imported(6, 'failed'))).toEqual({ title: 'Import failed', body: 'apollo.csv could not be imported; see Imports.', area: 'imports' });
  });

  it('announces approvals when more start waiting', () => {
    const n = new NotificationPolicy();
    expect(n.next({ name: 'approvals.changed', payload: { waiting: 3 } })).toEqual({ title: 'Approvals waiting', body: '3 messages wait for your approval.', area: 'approvals' });
    expect(n.next({ name: 'approvals.changed', payload: { waiting: 2 } })).toBeNull();
    expect(n.next({ name: 'approvals.changed', payload: { waiting: 2 } })).toBeNull();
    expect(n.next({ name: 'approvals.changed', payload: { waiting: 4 } })).toMatchObject({ body: '4 messages wait for your approval.' });
  });

  it('ignores other events and payloads it cannot read', () => {
    const n = new NotificationPolicy();
    expect(n.next({ name: 'leads.changed', payload: { reason: 'import', total: 1 } })).toBeNull();
    expect(n.next({ name: 'profiles.state', payload: { state: 'paused' } })).toBeNull();
    expect(n.next({ name: 'approvals.changed', payload: { pending: 3 } })).toBeNull();
  });
});
