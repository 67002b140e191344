import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/migrate';
import { migrations } from '../../../src/main/store/migrations';
import { openDatabase } from '../../../src/main/store/open-database';

interface Quota {
  max: number;
  windowSeconds: number;
  minGapSeconds: number;
  jitterSeconds: number;
}

interface ProfileTypeRow {
  code: string;
  channel: string;
  access: string;
  defaults: {
    settings: Record<string, unknown>;
    credentials: string[];
    quotas: Record<string, Quota>;
    policy: Record<string, unknown>;
  };
}

const DAY = 86_400;

let dir: string;
let db: Database;
let profileTypes: Map<string, ProfileTypeRow>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'outpost-catalogue-'));
  db = openDatabase(join(dir, 'outpost.db'));
  migrate(db, migrations);
  const rows = db
    .prepare('SELECT p.code, c.code AS channel, p.access, p.defaults FROM profile_types p JOIN channels c ON c.id = p.channel_id')
    .all() as (Omit<ProfileTypeRow, 'defaults'> & { defaults: string })[];
  profileTypes = new Map(rows.map((r) => [r.code, { ...r, defaults: JSON.parse(r.defaults) as ProfileTypeRow['defaults'] }]));
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function profileType(code: string): ProfileTypeRow {
  const row = profileTypes.get(code);
  if (!row) throw new Error(`profile type ${code} is not seeded`);
  return row;
}

function performers(linkTable: string, typeTable: string, typeColumn: string): Record<string, string[]> {
  const rows = db
    .prepare(
      `SELECT t.code AS type, p.code AS profile_type FROM ${typeTable} t
       LEFT JOIN ${linkTable} l ON l.${typeColumn} = t.id LEFT JOIN profile_types p ON p.id = l.profile_type_id
       ORDER BY t.code, p.code`,
    )
    .all() as { type: string; profile_type: string | null }[];
  const out: Record<string, string[]> = {};
  for (const r of rows) {
    out[r.type] ??= [];
    if (r.profile_type) out[r.type]!.push(r.profile_type);
  }
  return out;
}

describe('seeded catalogue', () => {
  it('has the channels', () => {
    const codes = (db.prepare('SELECT code FROM channels ORDER BY id').all() as { code: string }[]).map((r) => r.code);
    expect(codes).toEqual(['email', 'linkedin', 'facebook', 'api', 'local']);
  });

  it('has the profile types with their channel and access class', () => {
    expect([...profileTypes.values()].map((p) => [p.code, p.channel, p.access])).toEqual([
      ['gmail', 'email', 'mta'],
      ['microsoft365', 'email', 'mta'],
      ['smtp_imap', 'email', 'mta'],
      ['http_api', 'api', 'api'],
      ['local_verifier', 'local', 'basic'],
      ['public_web', 'local', 'basic'],
      ['linkedin', 'linkedin', 'rpa'],
      ['facebook', 'facebook', 'rpa'],
    ]);
  });

  it('gives every profile type settings, credentials, quotas and policy, with complete quotas', () => {
    for (const p of profileTypes.values()) {
      // Browser types (migration 0020) also list credentials they take without requiring them (a proxy password).
      expect(Object.keys(p.defaults).filter((k) => k !== 'optionalCredentials').sort(), p.code).toEqual(['credentials', 'policy', 'quotas', 'settings']);
      for (const [action, quota] of Object.entries(p.defaults.quotas)) {
        expect(Object.keys(quota).sort(), `${p.code}.${action}`).toEqual(['jitterSeconds', 'max', 'minGapSeconds', 'windowSeconds']);
        expect(Object.values(quota).every((n) => Number.isInteger(n) && n >= 0), `${p.code}.${action}`).toBe(true);
      }
    }
  });

  it('configures the Gmail mailbox for an app password, implicit TLS and about 40 spaced sends a day', () => {
    const { settings, credentials, quotas } = profileType('gmail').defaults;
    expect(settings).toMatchObject({
      smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
      imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
      folders: { inbox: 'INBOX', spam: ['[Gmail]/Spam'], sent: '[Gmail]/Sent Mail' },
      auth: 'app_password',
    });
    expect(credentials).toEqual(['user', 'password']);
    expect(quotas.email).toEqual({ max: 40, windowSeconds: DAY, minGapSeconds: 120, jitterSeconds: 180 });
  });

  it('configures the Microsoft 365 mailbox with STARTTLS and its folder names', () => {
    expect(profileType('microsoft365').defaults.settings).toMatchObject({
      smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
      imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
      folders: { inbox: 'INBOX', spam: ['Junk Email'], sent: 'Sent Items' },
    });
  });

  it('leaves the generic mailbox hosts to the operator and sends 30 a day', () => {
    const { settings, quotas } = profileType('smtp_imap').defaults;
    expect(settings).toMatchObject({
      smtp: { host: null, port: 587, security: 'starttls' },
      imap: { host: null, port: 993, security: 'tls' },
      folders: { inbox: 'INBOX', spam: ['Spam', 'Junk'], sent: 'Sent' },
    });
    expect(quotas.email).toMatchObject({ max: 30, windowSeconds: DAY });
  });

  it('configures the HTTP API by base URL and key header, and the local verifier without credentials', () => {
    expect(profileType('http_api').defaults).toMatchObject({ settings: { baseUrl: null, keyHeader: 'Authorization' }, credentials: ['apiKey'] });
    expect(profileType('local_verifier').defaults).toMatchObject({ settings: { checks: ['syntax', 'mx', 'disposable'] }, credentials: [] });
    // A browser profile signs in through its own browser: no site password is asked for.
    expect(profileType('linkedin').defaults).toMatchObject({ credentials: [], optionalCredentials: ['proxyPassword'] });
  });

  it('limits LinkedIn to 100 invitations per rolling 7 days, 40 messages and 80 visits a day', () => {
    const { quotas } = profileType('linkedin').defaults;
    expect(quotas.linkedin_connect).toMatchObject({ max: 100, windowSeconds: 7 * DAY });
    expect(quotas.linkedin_message).toMatchObject({ max: 40, windowSeconds: DAY });
    expect(quotas.linkedin_visit).toMatchObject({ max: 80, windowSeconds: DAY });
  });

  it('limits Facebook to 20 friend requests and 30 messages a day', () => {
    const { quotas } = profileType('facebook').defaults;
    expect(quotas.facebook_friend).toMatchObject({ max: 20, windowSeconds: DAY });
    expect(quotas.facebook_message).toMatchObject({ max: 30, windowSeconds: DAY });
  });

  it('names quota actions that the performing profile types define', () => {
    for (const [typeTable, linkTable, column] of [
      ['source_types', 'source_type_profile_types', 'source_type_id'],
      ['enrichment_types', 'enrichment_type_profile_types', 'enrichment_type_id'],
      ['outreach_types', 'outreach_type_profile_types', 'outreach_type_id'],
    ] as const) {
      const rows = db
        .prepare(`SELECT t.code, t.quota_action, p.code AS profile_type FROM ${typeTable} t JOIN ${linkTable} l ON l.${column} = t.id JOIN profile_types p ON p.id = l.profile_type_id WHERE t.quota_action IS NOT NULL`)
        .all() as { code: string; quota_action: string; profile_type: string }[];
      const missing = rows.filter((r) => r.profile_type !== 'local_verifier' && !(r.quota_action in profileType(r.profile_type).defaults.quotas));
      expect(missing, typeTable).toEqual([]);
    }
  });

  it('has source types whose URL patterns accept their URLs and refuse others', () => {
    const patterns = new Map(
      (db.prepare('SELECT code, url_pattern FROM source_types').all() as { code: string; url_pattern: string }[]).map((r) => [r.code, new RegExp(r.url_pattern)]),
    );
    const cases: [string, string, boolean][] = [
      ['linkedin_content_search', 'https://www.linkedin.com/search/results/content/?keywords=outbound%20sales', true],
      ['linkedin_content_search', 'https://www.linkedin.com/search/results/people/?keywords=cto', false],
      ['linkedin_people_search', 'https://www.linkedin.com/search/results/people/?keywords=cto&page=2', true],
      ['linkedin_people_search', 'https://www.linkedin.com/in/ada-lovelace', false],
      ['facebook_group_feed', 'https://www.facebook.com/groups/saasfounders', true],
      ['facebook_group_feed', 'https://www.facebook.com/saasfounders', false],
      ['public_page', 'https://example.com/team', true],
      ['public_page', 'not a url', false],
    ];
    for (const [code, url, accepted] of cases) expect(patterns.get(code)?.test(url), `${code} ${url}`).toBe(accepted);
    expect(db.prepare("SELECT paged FROM source_types WHERE code = 'linkedin_people_search'").get()).toEqual({ paged: 1 });
  });

  it('links source, enrichment and outreach types to the profile types that perform them', () => {
    expect(performers('source_type_profile_types', 'source_types', 'source_type_id')).toEqual({
      facebook_group_feed: ['facebook'],
      linkedin_content_search: ['linkedin'],
      linkedin_people_search: ['linkedin'],
      public_page: ['public_web'],
    });
    expect(performers('enrichment_type_profile_types', 'enrichment_types', 'enrichment_type_id')).toEqual({
      find_company_leads: ['http_api'],
      find_email: ['http_api'],
      find_phone: ['http_api'],
      verify_email: ['http_api', 'local_verifier'],
    });
    expect(performers('outreach_type_profile_types', 'outreach_types', 'outreach_type_id')).toEqual({
      email: ['gmail', 'microsoft365', 'smtp_imap'],
      facebook_friend: ['facebook'],
      facebook_message: ['facebook'],
      linkedin_connect: ['linkedin'],
      linkedin_message: ['linkedin'],
      manual_task: [],
    });
  });

  it('says which lead address each outreach type needs and what each enrichment targets', () => {
    expect(db.prepare('SELECT code, address_field FROM outreach_types ORDER BY id').all()).toEqual([
      { code: 'email', address_field: 'email' },
      { code: 'linkedin_connect', address_field: 'linkedin' },
      { code: 'linkedin_message', address_field: 'linkedin' },
      { code: 'facebook_friend', address_field: 'facebook' },
      { code: 'facebook_message', address_field: 'facebook' },
      { code: 'manual_task', address_field: null },
    ]);
    expect(db.prepare('SELECT code, target_kind FROM enrichment_types ORDER BY id').all()).toEqual([
      { code: 'verify_email', target_kind: 'lead' },
      { code: 'find_email', target_kind: 'lead' },
      { code: 'find_company_leads', target_kind: 'company' },
      { code: 'find_phone', target_kind: 'lead' },
    ]);
  });
});
