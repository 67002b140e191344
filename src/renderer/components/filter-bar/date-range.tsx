import { dayEndIso, dayStartIso, isoToDay } from '../../lib/day-range';

interface DateRangeProps {
  /** What is bounded ("Created"); the inputs are named "<label> from" and "<label> to". */
  readonly label: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly onChange: (from: string | undefined, to: string | undefined) => void;
}

/** A from–to pair of days (both included, local time); an empty side is open. */
export function DateRange({ label, from, to, onChange }: DateRangeProps) {
  return (
    <fieldset className="filter-field range">
      <legend>{label}</legend>
      <input type="date" aria-label={`${label} from`} value={isoToDay(from)} onChange={(e) => onChange(e.target.value ? dayStartIso(e.target.value) : undefined, to)} />
      <span aria-hidden="true">–</span>
      <input type="date" aria-label={`${label} to`} value={isoToDay(to)} onChange={(e) => onChange(from, e.target.value ? dayEndIso(e.target.value) : undefined)} />
    </fieldset>
  );
}
