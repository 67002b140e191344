import type { Kysely } from 'kysely';
import { defaultSettings, settings as settingsSchema, type Settings } from '../../../shared/contract/schemas/settings';
import type { DB } from '../schema';

/** Reads and writes operator settings, one JSON value per key, defaults filled in. */
export class SettingsRepo {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => number,
  ) {}

  /** All settings, stored values over defaults; a stored value that no longer validates falls back to its default. */
  async get(): Promise<Settings> {
    const rows = await this.db.selectFrom('settings').select(['key', 'value']).execute();
    const stored: Record<string, unknown> = {};
    for (const row of rows) stored[row.key] = JSON.parse(row.value);
    const merged = { ...defaultSettings, ...stored };
    const parsed = settingsSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    return settingsSchema.parse(Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, bad.has(k) ? defaultSettings[k as keyof Settings] : v])));
  }

  /** Stores the given fields and returns the full result. */
  async update(patch: Partial<Settings>): Promise<Settings> {
    const at = this.now();
    const entries = Object.entries(patch).filter(([key]) => key in defaultSettings);
    await this.db.transaction().execute(async (trx) => {
      for (const [key, value] of entries) {
        await trx
          .insertInto('settings')
          .values({ key, value: JSON.stringify(value), updated_at: at })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at }))
          .execute();
      }
    });
    return this.get();
  }
}
