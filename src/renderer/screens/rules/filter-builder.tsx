import type { RuleFilter } from '../../../shared/contract/schemas/rules';
import { useTags } from '../../stores/tags-store';

type Part = 'lead' | 'company' | 'event';
type Kind = 'words' | 'tags' | 'presence' | 'number' | 'verification';
interface Spec {
  readonly key: string;
  readonly label: string;
  readonly kind: Kind;
}

const VERIFICATIONS = ['valid', 'invalid', 'risky', 'catch_all', 'disposable', 'unknown', 'unverified'] as const;

const listed: readonly Spec[] = [
  { key: 'tagsInclude', label: 'Has any of the tags', kind: 'tags' },
  { key: 'tagsExclude', label: 'Has none of the tags', kind: 'tags' },
  { key: 'countries', label: 'Country is one of', kind: 'words' },
  { key: 'countriesExclude', label: 'Country is none of', kind: 'words' },
  { key: 'locationKeywords', label: 'Location contains any of', kind: 'words' },
  { key: 'locationExclude', label: 'Location contains none of', kind: 'words' },
  { key: 'industries', label: 'Industry is one of', kind: 'words' },
  { key: 'industriesExclude', label: 'Industry is none of', kind: 'words' },
  { key: 'headcountMin', label: 'Headcount at least', kind: 'number' },
  { key: 'headcountMax', label: 'Headcount at most', kind: 'number' },
  { key: 'revenueMin', label: 'Revenue at least', kind: 'number' },
  { key: 'revenueMax', label: 'Revenue at most', kind: 'number' },
  { key: 'hasPhone', label: 'Has a phone', kind: 'presence' },
  { key: 'hasLinkedin', label: 'Has LinkedIn', kind: 'presence' },
  { key: 'hasFacebook', label: 'Has Facebook', kind: 'presence' },
];

const SPECS: Record<Part, readonly Spec[]> = {
  lead: [
    { key: 'titleInclude', label: 'Title contains any of', kind: 'words' },
    { key: 'titleExclude', label: 'Title contains none of', kind: 'words' },
    { key: 'hasEmail', label: 'Has an email', kind: 'presence' },
    { key: 'verification', label: 'Email verification', kind: 'verification' },
    ...listed,
  ],
  company: [{ key: 'hasDomain', label: 'Has a domain', kind: 'presence' }, ...listed],
  event: [
    { key: 'textInclude', label: 'Text contains any of', kind: 'words' },
    { key: 'textExclude', label: 'Text contains none of', kind: 'words' },
  ],
};

const TITLES: Record<Part, string> = { lead: 'Lead', company: 'Company', event: 'Event' };

type Values = Record<string, unknown>;

interface ControlProps {
  readonly id: string;
  readonly spec: Spec;
  readonly value: unknown;
  readonly set: (value: unknown) => void;
}

const words = (text: string): string[] | undefined => {
  const list = text.split(',').map((w) => w.trim()).filter(Boolean);
  return list.length ? list : undefined;
};

function Control({ id, spec, value, set }: ControlProps) {
  const tags = useTags().data ?? [];
  switch (spec.kind) {
    case 'words':
      return <input id={id} type="text" placeholder="comma, separated" defaultValue={((value as string[] | undefined) ?? []).join(', ')} onBlur={(e) => set(words(e.target.value))} />;
    case 'number':
      return <input id={id} type="number" min={0} value={(value as number | undefined) ?? ''} onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))} />;
    case 'presence':
      return (
        <select id={id} value={(value as string | undefined) ?? 'any'} onChange={(e) => set(e.target.value === 'any' ? undefined : e.target.value)}>
          <option value="any">any</option>
          <option value="yes">yes</option>
          <option value="no">no</option>
        </select>
      );
    case 'tags':
      return (
        <select id={id} multiple size={Math.min(4, Math.max(2, tags.length))} value={((value as number[] | undefined) ?? []).map(String)} onChange={(e) => set(words([...e.target.selectedOptions].map((o) => o.value).join(','))?.map(Number))}>
          {tags.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      );
    case 'verification':
      return (
        <select id={id} multiple size={4} value={(value as string[] | undefined) ?? []} onChange={(e) => set(words([...e.target.selectedOptions].map((o) => o.value).join(',')))}>
          {VERIFICATIONS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      );
  }
}

interface FilterBuilderProps {
  readonly target: Part;
  readonly filter: RuleFilter;
  readonly onChange: (filter: RuleFilter) => void;
}

/**
 * The filter of a rule, one group of fields per record the trigger gives: lead fields for a lead (with its company's
 * industry, headcount and revenue), company fields for a company, event text plus its lead for an event. Inside a
 * list any value matches; across fields all must; "none of" vetoes.
 */
export function FilterBuilder({ target, filter, onChange }: FilterBuilderProps) {
  const parts: Part[] = target === 'event' ? ['event', 'lead'] : [target];
  const setField = (part: Part, key: string, value: unknown) => {
    const current: Values = { ...((filter[part] as Values | undefined) ?? {}) };
    if (value === undefined) delete current[key];
    else current[key] = value;
    const next: Values = { ...filter };
    if (Object.keys(current).length) next[part] = current;
    else delete next[part];
    onChange(next as RuleFilter);
  };
  return (
    <>
      {parts.map((part) => (
        <fieldset key={part} className="detail-fieldset">
          <legend>{TITLES[part]} filter</legend>
          <div className="filter-grid">
            {SPECS[part].map((spec) => {
              const id = `rule-filter-${part}-${spec.key}`;
              return (
                <div className="field" key={spec.key}>
                  <label htmlFor={id}>{spec.label}</label>
                  <Control id={id} spec={spec} value={(filter[part] as Values | undefined)?.[spec.key]} set={(v) => setField(part, spec.key, v)} />
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </>
  );
}
