import { useEffect, useState } from 'react';
import { call } from '../lib/call';

/** A lead or company the palette found by name. */
export interface FoundRecord {
  readonly kind: 'lead' | 'company';
  readonly id: number;
  readonly label: string;
  readonly detail: string;
}

const LIMIT = 6;
const DELAY = 200;

/** Leads and companies whose names match `text` (full-text search), fetched 200 ms after the last keystroke, newest answer only. */
export function useRecordSearch(text: string): { readonly found: readonly FoundRecord[]; readonly error: string | null } {
  const [state, setState] = useState<{ found: readonly FoundRecord[]; error: string | null }>({ found: [], error: null });
  useEffect(() => {
    const search = text.trim();
    if (search.length < 2) {
      setState({ found: [], error: null });
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      Promise.all([
        call('leads.list', { filter: { search }, limit: LIMIT, total: 'none' }),
        call('companies.list', { filter: { search }, limit: LIMIT, total: 'none' }),
      ]).then(
        ([leads, companies]) =>
          current &&
          setState({
            error: null,
            found: [
              ...leads.items.map((l) => ({
                kind: 'lead' as const,
                id: l.id,
                label: [l.firstName, l.lastName].filter(Boolean).join(' ') || l.email || `Lead ${l.id}`,
                detail: [l.jobTitle, l.companyName].filter(Boolean).join(' · '),
              })),
              ...companies.items.map((c) => ({ kind: 'company' as const, id: c.id, label: c.name ?? c.domain ?? `Company ${c.id}`, detail: c.domain ?? '' })),
            ],
          }),
        (error: unknown) => current && setState({ found: [], error: error instanceof Error ? error.message : String(error) }),
      );
    }, DELAY);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  return state;
}
