import { useDebouncedText } from '../../lib/use-debounced-text';

interface NumberRangeProps {
  /** What is bounded ("Headcount"); the inputs are named "<label> min" and "<label> max". */
  readonly label: string;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly onChange: (min: number | undefined, max: number | undefined) => void;
}

const toCount = (text: string): number | undefined => {
  const n = Number(text);
  return text.trim() !== '' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
};

const show = (n: number | undefined): string => (n === undefined ? '' : String(n));

/** A min–max pair of whole numbers; an empty side is unbounded. */
export function NumberRange({ label, min, max, onChange }: NumberRangeProps) {
  const [minText, setMin] = useDebouncedText(show(min), (t) => onChange(toCount(t), max));
  const [maxText, setMax] = useDebouncedText(show(max), (t) => onChange(min, toCount(t)));
  return (
    <fieldset className="filter-field range">
      <legend>{label}</legend>
      <input type="number" min={0} step={1} aria-label={`${label} min`} placeholder="min" value={minText} onChange={(e) => setMin(e.target.value)} />
      <span aria-hidden="true">–</span>
      <input type="number" min={0} step={1} aria-label={`${label} max`} placeholder="max" value={maxText} onChange={(e) => setMax(e.target.value)} />
    </fieldset>
  );
}
