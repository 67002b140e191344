import type { Database, Statement } from 'better-sqlite3';

const lookups = new WeakMap<Database, Statement<[number], { access: string; code: string }>>();

/** The site ('linkedin' | 'facebook') of a browser (rpa) profile, or null for any other profile: check appliers dispatch on it. */
export function browserSiteOf(sqlite: Database, profileId: number): 'linkedin' | 'facebook' | null {
  let st = lookups.get(sqlite);
  if (!st) {
    st = sqlite.prepare('SELECT t.access, t.code FROM profiles p JOIN profile_types t ON t.id = p.profile_type_id WHERE p.id = ?');
    lookups.set(sqlite, st);
  }
  const row = st.get(profileId);
  if (row?.access !== 'rpa') return null;
  return row.code === 'linkedin' || row.code === 'facebook' ? row.code : null;
}
