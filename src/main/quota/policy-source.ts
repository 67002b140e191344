import type { Database, Statement } from 'better-sqlite3';
import { resolvePolicy, type QuotaPolicy } from '../../shared/contract/schemas/quota-policy';
import { settings } from '../../shared/contract/schemas/settings';
import { LocalDay } from './local-day';
import { ScheduleClock } from './sending-schedule';

/** A profile's resolved policy with its clocks (kept while the profile, its type and the timezone setting are unchanged). */
export interface ProfilePolicy {
  readonly profileId: number;
  readonly name: string;
  readonly typeCode: string;
  readonly createdAt: number;
  readonly policy: QuotaPolicy;
  readonly day: LocalDay;
  /** The schedule in a timezone (the profile's, or a recipient's); null without a schedule. */
  schedule(zone: string): ScheduleClock | null;
}

interface Versions {
  p: number;
  t: number;
  s: number | null;
}

interface Row {
  name: string;
  created_at: number;
  quotas: string;
  policy: string;
  type_code: string;
  defaults: string;
  channel_code: string;
  timezone: string | null;
}

const isZone = (zone: string): boolean => settings.shape.timezone.safeParse(zone).success;

function settingsZone(stored: string | null): string {
  if (stored === null) return 'UTC';
  const zone: unknown = JSON.parse(stored);
  return typeof zone === 'string' && isZone(zone) ? zone : 'UTC';
}

function build(profileId: number, row: Row): ProfilePolicy {
  const { policy } = resolvePolicy({
    typeDefaults: JSON.parse(row.defaults),
    quotas: JSON.parse(row.quotas),
    policy: JSON.parse(row.policy),
    channelCode: row.channel_code,
    fallbackTimezone: settingsZone(row.timezone),
  });
  const clocks = new Map<string, ScheduleClock>();
  const known = new Map<string, boolean>();
  return {
    profileId,
    name: row.name,
    typeCode: row.type_code,
    createdAt: row.created_at,
    policy,
    day: new LocalDay(policy.timezone),
    schedule(zone) {
      if (!policy.schedule) return null;
      let valid = known.get(zone);
      if (valid === undefined) known.set(zone, (valid = isZone(zone)));
      const key = valid ? zone : policy.timezone;
      let clock = clocks.get(key);
      if (!clock) clocks.set(key, (clock = new ScheduleClock(policy.schedule, key)));
      return clock;
    },
  };
}

/** Resolves profiles' policies once and reuses them until the profile row, its type or the timezone setting changes. */
export class PolicySource {
  private readonly cache = new Map<number, { versions: Versions; value: ProfilePolicy }>();
  private readonly versions: Statement<[number], Versions>;
  private readonly row: Statement<[number], Row>;

  constructor(sqlite: Database) {
    const from = 'FROM profiles p JOIN profile_types t ON t.id = p.profile_type_id';
    this.versions = sqlite.prepare(
      `SELECT p.updated_at AS p, t.updated_at AS t, (SELECT updated_at FROM settings WHERE key = 'timezone') AS s ${from} WHERE p.id = ?`,
    );
    this.row = sqlite.prepare(
      `SELECT p.name, p.created_at, p.quotas, p.policy, t.code AS type_code, t.defaults, c.code AS channel_code,
        (SELECT value FROM settings WHERE key = 'timezone') AS timezone
       ${from} JOIN channels c ON c.id = t.channel_id WHERE p.id = ?`,
    );
  }

  /** The profile's policy, or undefined when there is no such profile. */
  get(profileId: number): ProfilePolicy | undefined {
    const versions = this.versions.get(profileId);
    if (!versions) return undefined;
    const cached = this.cache.get(profileId);
    if (cached && cached.versions.p === versions.p && cached.versions.t === versions.t && cached.versions.s === versions.s) return cached.value;
    const row = this.row.get(profileId);
    if (!row) return undefined;
    const value = build(profileId, row);
    this.cache.set(profileId, { versions, value });
    return value;
  }
}
