import { useEffect, useState, type FormEvent } from 'react';
import type { ProfileRecord } from '../../../shared/contract/schemas/profiles';
import type { Source, SourceType } from '../../../shared/contract/schemas/sources';
import { EditActions } from '../../components/edit-actions';
import { Field } from '../../components/field';
import { call } from '../../lib/call';
import { useFormSave } from '../../lib/use-form-save';
import { useTags } from '../../stores/tags-store';

interface SourceFormProps {
  readonly types: readonly SourceType[];
  readonly profiles: readonly ProfileRecord[];
  /** The source being edited; a new one when absent. */
  readonly editing?: Source;
  readonly onDone: () => void;
}

const NUMBER_FIELDS = ['cadenceHours', 'maxJobs', 'eventLimit', 'scrolls', 'scrollDelaySeconds', 'pageDelaySeconds'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

const numberOrUndefined = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

function numbersOf(type: SourceType | undefined, source: Source | undefined): Record<NumberField, string> {
  const d = type?.defaults;
  const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    cadenceHours: text(source ? source.cadenceSeconds / 3600 : d && d.cadenceSeconds / 3600),
    maxJobs: text(source?.maxJobs ?? d?.maxJobs),
    eventLimit: text(source?.eventLimit ?? d?.eventLimit),
    scrolls: text(source?.params.scrolls ?? d?.scrolls),
    scrollDelaySeconds: text(source?.params.scrollDelaySeconds ?? d?.scrollDelaySeconds),
    pageDelaySeconds: text(source?.params.pageDelaySeconds ?? d?.pageDelaySeconds),
  };
}

const labels: Record<NumberField, { label: string; hint: string; path: string }> = {
  cadenceHours: { label: 'Run every (hours)', hint: 'How often each URL is scraped again.', path: 'cadenceSeconds' },
  maxJobs: { label: 'Most pages per run', hint: 'A paged search stops after this many pages.', path: 'maxJobs' },
  eventLimit: { label: 'Most events per page', hint: 'Scraping stops once this many items were read.', path: 'eventLimit' },
  scrolls: { label: 'Scrolls per page', hint: 'How far down an infinite feed goes.', path: 'params.scrolls' },
  scrollDelaySeconds: { label: 'Pause between scrolls (s)', hint: 'A human-like wait, with random jitter.', path: 'params.scrollDelaySeconds' },
  pageDelaySeconds: { label: 'Pause between pages (s)', hint: 'How long the next page waits after this one.', path: 'params.pageDelaySeconds' },
};

/** Adds or edits a source: its type, URLs one per line (each checked against the type's pattern, errors naming the line), cadence, limits, scrolling, tag and profile. */
export function SourceForm({ types, profiles, editing, onDone }: SourceFormProps) {
  const tags = useTags();
  const [typeCode, setTypeCode] = useState(editing?.typeCode ?? types[0]?.code ?? '');
  const type = types.find((t) => t.code === typeCode);
  const [name, setName] = useState(editing?.name ?? '');
  const [urls, setUrls] = useState(editing?.urls.map((u) => u.url).join('\n') ?? '');
  const [numbers, setNumbers] = useState(() => numbersOf(type, editing));
  const [profileId, setProfileId] = useState<number | null>(editing?.profileId ?? null);
  const [tagId, setTagId] = useState<number | null>(editing?.tag?.id ?? null);
  const [active, setActive] = useState(editing?.active ?? true);
  const placed = (path: string) => path.startsWith('urls') || ['name', 'typeCode', 'tagId', 'profileId', ...NUMBER_FIELDS.map((f) => labels[f].path)].includes(path);
  const { issues, setIssues, failure, saving, save } = useFormSave(placed);

  useEffect(() => {
    const shared = useTags.getState();
    if (shared.data === undefined) shared.reload();
  }, []);

  const chooseType = (code: string): void => {
    setTypeCode(code);
    setNumbers(numbersOf(types.find((t) => t.code === code), undefined));
    setProfileId(null);
    setIssues([]);
  };

  const errorsAt = (path: string) => issues.filter((i) => i.path === path).map((i) => i.message);
  const urlErrors = issues.filter((i) => i.path === 'urls' || i.path.startsWith('urls.')).map((i) => i.message);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const hours = numberOrUndefined(numbers.cadenceHours);
    const fields = {
      name,
      urls: urls.split('\n').filter((line) => line.trim() !== ''),
      active,
      profileId,
      tagId,
      cadenceSeconds: hours === undefined ? undefined : Math.round(hours * 3600),
      maxJobs: numberOrUndefined(numbers.maxJobs),
      eventLimit: numberOrUndefined(numbers.eventLimit),
      params: {
        scrolls: numberOrUndefined(numbers.scrolls),
        scrollDelaySeconds: numberOrUndefined(numbers.scrollDelaySeconds),
        pageDelaySeconds: numberOrUndefined(numbers.pageDelaySeconds),
      },
    };
    save(() => (editing ? call('sources.update', { id: editing.id, ...fields }) : call('sources.create', { typeCode, ...fields })), onDone);
  };

  const runners = profiles.filter((p) => type?.profileTypes.includes(p.typeCode));
  return (
    <form className="form source-form" onSubmit={submit} noValidate aria-label={editing ? `Edit source ${editing.name}` : 'New source'}>
      {editing ? (
        <p className="muted">Kind of source: {type?.name ?? editing.typeCode}</p>
      ) : (
        <Field id="source-type" label="Kind of source" errors={errorsAt('typeCode')}>
          {(control) => (
            <select {...control} value={typeCode} onChange={(e) => chooseType(e.target.value)}>
              {types.map((t) => (
                <option key={t.code} value={t.code}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {type?.pack && (
        <p className="field-hint">
          Site pack {type.pack.site} {type.pack.version}
        </p>
      )}
      <Field id="source-name" label="Name" errors={errorsAt('name')}>
        {(control) => <input {...control} type="text" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field id="source-urls" label="URLs, one per line" hint={type ? `Each must match ${type.urlPattern}` : undefined} errors={urlErrors}>
        {(control) => <textarea {...control} rows={5} spellCheck={false} value={urls} onChange={(e) => setUrls(e.target.value)} />}
      </Field>
      <div className="source-numbers">
        {NUMBER_FIELDS.map((field) => (
          <Field key={field} id={`source-${field}`} label={labels[field].label} hint={labels[field].hint} errors={errorsAt(labels[field].path)}>
            {(control) => (
              <input {...control} type="number" min={0} step="any" value={numbers[field]} onChange={(e) => setNumbers((n) => ({ ...n, [field]: e.target.value }))} />
            )}
          </Field>
        ))}
      </div>
      <Field id="source-profile" label="Profile" hint="Leave to the planner, or pin the source to one account." errors={errorsAt('profileId')}>
        {(control) => (
          <select {...control} value={profileId ?? ''} onChange={(e) => setProfileId(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">Any eligible profile</option>
            {runners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="source-tag" label="Tag new leads" errors={errorsAt('tagId')}>
        {(control) => (
          <select {...control} value={tagId ?? ''} onChange={(e) => setTagId(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">No tag</option>
            {(tags.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Active
      </label>
      <EditActions saveLabel={editing ? 'Save source' : 'Add source'} saving={saving} onCancel={onDone} failure={failure} />
    </form>
  );
}
