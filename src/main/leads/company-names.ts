import type { Database, Statement } from 'better-sqlite3';
import { flushSearchIndex } from './search-index';
import { companyNameWords, isLegalForm, normaliseCompanyName } from '../../shared/normalise';

// Companies sharing the distinctive words of one name; when the index holds more, the name is not trusted to single one out.
const CANDIDATES = 500;

/**
 * Finds live companies by normalised name through the `companies_fts` word index (names are not a dedup key, so not uniquely indexed).
 * Within one source (one import), a name resolved or created once keeps resolving to that company while it is live and so named:
 * a file naming "Globex" on many rows links them all to one company, and the index is asked once per name.
 */
export class CompanyNames {
  private readonly byWords: Statement<[string, number], { id: number; name: string | null }>;
  private readonly nameOf: Statement<[number], { name: string | null }>;
  private scope = '';
  private readonly known = new Map<string, number>();

  constructor(private readonly sqlite: Database) {
    this.byWords = sqlite.prepare(
      'SELECT c.id, c.name FROM companies_fts f JOIN companies c ON c.id = f.rowid WHERE companies_fts MATCH ? AND c.deleted_at IS NULL LIMIT ?',
    );
    this.nameOf = sqlite.prepare('SELECT name FROM companies WHERE id = ? AND deleted_at IS NULL');
  }

  /** Whether the company's name has the normal form `name` (a company without a name takes any). */
  matches(companyId: number, name: string): boolean {
    const row = this.nameOf.get(companyId);
    return row !== undefined && (row.name === null || normaliseCompanyName(row.name) === name);
  }

  /** The company this scope already linked `name` to, else the one live company with its normal form; null when none or several. */
  find(name: string, scope: string): number | null {
    const norm = normaliseCompanyName(name);
    if (norm === null) return null;
    this.enter(scope);
    const known = this.known.get(norm);
    if (known !== undefined && this.matches(known, norm)) return known;
    const found = this.onlyWithName(name, norm);
    if (found !== null) this.known.set(norm, found);
    return found;
  }

  /** Remembers the company a name was linked to in this scope (e.g. one just created for it). */
  remember(name: string, companyId: number, scope: string): void {
    const norm = normaliseCompanyName(name);
    this.enter(scope);
    if (norm !== null) this.known.set(norm, companyId);
  }

  private enter(scope: string): void {
    if (scope === this.scope) return;
    this.scope = scope;
    this.known.clear();
  }

  private onlyWithName(name: string, norm: string): number | null {
    // The index splits words at every punctuation mark; legal forms and single letters are left out of the query as a
    // name may lack them, unless nothing else is left ("Corp 5").
    const all = name.split(/[.'’]/).flatMap(companyNameWords);
    const distinctive = all.filter((w) => w.length > 1 && !isLegalForm(w));
    const words = distinctive.length > 0 ? distinctive : all;
    if (words.length === 0) return null;
    flushSearchIndex(this.sqlite);
    const candidates = this.byWords.all(`name : (${words.map((w) => `"${w}"`).join(' AND ')})`, CANDIDATES);
    const found = candidates.filter((c) => normaliseCompanyName(c.name) === norm);
    return found.length === 1 && candidates.length < CANDIDATES ? (found[0]?.id ?? null) : null;
  }
}
