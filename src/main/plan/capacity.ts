import type { Database, Statement } from 'better-sqlite3';
import type { ProfilePolicy } from '../quota/policy-source';
import { PolicySource } from '../quota/policy-source';
import { rampedMax } from '../quota/ramp-up';
import { assignedTables } from './work-tables';

const DAY_MS = 86_400_000;

/** One cell of the calendar: day index from the first day, channel code, planned and allowed actions. */
export interface CapacityCell {
  readonly day: number;
  readonly channel: string;
  readonly planned: number;
  readonly allowed: number | null;
}

/** The calendar over whole UTC days from the day of `from`. */
export interface Capacity {
  readonly start: number;
  readonly channels: string[];
  readonly cells: CapacityCell[];
}

interface LiveProfile {
  id: number;
  channel: string;
}

/** ISO weekday (1 = Monday) of a UTC day start. */
const isoWeekday = (dayStart: number): number => ((new Date(dayStart).getUTCDay() + 6) % 7) + 1;

/** What one profile's quotas allow on one day: every action's max scaled to a day, none on days off its schedule. */
function allowedOn(policy: ProfilePolicy, dayStart: number): number | null {
  const quotas = Object.values(policy.policy.quotas);
  if (quotas.length === 0) return null;
  const schedule = policy.policy.schedule;
  if (schedule && !schedule.days.includes(isoWeekday(dayStart))) return 0;
  let sum = 0;
  for (const q of quotas) {
    const max = rampedMax(q.max, policy.policy.rampUp, policy.createdAt, dayStart);
    sum += Math.floor((max * Math.min(1, 86_400 / q.windowSeconds)));
  }
  return sum;
}

/**
 * Planned against allowed actions per UTC day and channel. Planned: performed that day plus pending and due that day
 * (pending items already overdue count on the first day); allowed: what the quotas of the channel's running profiles
 * allow that day (schedule days and ramp-up included; sending hours and the profile's timezone are not).
 */
export class CapacityCalendar {
  private readonly planned: Statement<{ from: number; to: number }, { d: number; channel: string; n: number }>;
  private readonly live: Statement<[], LiveProfile>;
  private readonly policies: PolicySource;

  constructor(sqlite: Database) {
    const parts = assignedTables.flatMap((t) => {
      const live = t.kind === 'outreach' ? "AND w.direction = 'outgoing'" : '';
      return [
        `SELECT w.profile_id, w.due_at AS t FROM ${t.table} w WHERE w.status = 'pending' ${live} AND w.profile_id IS NOT NULL AND w.due_at < :to`,
        `SELECT w.profile_id, w.finished_at AS t FROM ${t.table} w WHERE w.status = 'performed' ${live} AND w.finished_at >= :from AND w.finished_at < :to`,
      ];
    });
    // bound numbers arrive as REAL, so the day index is cast back to a whole number
    this.planned = sqlite.prepare(`
      SELECT CAST((MAX(x.t, :from) - :from) / ${DAY_MS} AS INTEGER) AS d, c.code AS channel, COUNT(*) AS n
      FROM (${parts.join(' UNION ALL ')}) x
      JOIN profiles p ON p.id = x.profile_id JOIN profile_types pt ON pt.id = p.profile_type_id JOIN channels c ON c.id = pt.channel_id
      GROUP BY d, channel`);
    this.live = sqlite.prepare(`
      SELECT p.id, c.code AS channel FROM profiles p JOIN profile_types pt ON pt.id = p.profile_type_id JOIN channels c ON c.id = pt.channel_id
      WHERE p.deleted_at IS NULL AND p.active = 1 AND p.state <> 'failed'`);
    this.policies = new PolicySource(sqlite);
  }

  /** `days` whole UTC days from the day holding `from`. */
  read(from: number, days: number): Capacity {
    const start = Math.floor(from / DAY_MS) * DAY_MS;
    const planned = new Map<string, number>();
    for (const r of this.planned.all({ from: start, to: start + days * DAY_MS })) planned.set(`${r.d}:${r.channel}`, r.n);
    const allowed = new Map<string, number | null>();
    const channels = new Set<string>([...planned.keys()].map((k) => k.slice(k.indexOf(':') + 1)));
    for (const profile of this.live.all()) {
      const policy = this.policies.get(profile.id);
      if (!policy) continue;
      channels.add(profile.channel);
      for (let d = 0; d < days; d++) {
        const add = allowedOn(policy, start + d * DAY_MS);
        const key = `${d}:${profile.channel}`;
        const before = allowed.get(key) ?? null;
        allowed.set(key, add === null ? before : (before ?? 0) + add);
      }
    }
    const sorted = [...channels].sort();
    const cells: CapacityCell[] = [];
    for (let d = 0; d < days; d++) {
      for (const channel of sorted) {
        const key = `${d}:${channel}`;
        cells.push({ day: d, channel, planned: planned.get(key) ?? 0, allowed: allowed.get(key) ?? null });
      }
    }
    return { start, channels: sorted, cells };
  }
}
