import type { RuleStats } from '../../../shared/contract/schemas/rules';

const WIDTH = 280;
const HEIGHT = 60;

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/** Performed instances and replies per day as small SVG bars, with hover titles. */
export function DailyChart({ daily, label }: { readonly daily: RuleStats['daily']; readonly label: string }) {
  const peak = Math.max(1, ...daily.map((d) => Math.max(d.performed, d.replied)));
  const slot = WIDTH / Math.max(daily.length, 1);
  const bar = Math.max(1, (slot - 2) / 2);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={label}>
      <line x1={0} x2={WIDTH} y1={HEIGHT - 1} y2={HEIGHT - 1} stroke="var(--border-strong)" />
      {daily.map((d, i) =>
        [
          { value: d.performed, colour: 'var(--accent, #2457d6)', name: 'performed' },
          { value: d.replied, colour: 'var(--success, #2f9e44)', name: 'replied' },
        ].map((s, j) => {
          const height = (s.value / peak) * (HEIGHT - 6);
          return (
            <rect key={`${d.at}-${s.name}`} x={i * slot + 1 + j * bar} y={HEIGHT - 1 - height} width={bar} height={height} fill={s.colour}>
              <title>{`${day(d.at)} · ${s.name}: ${s.value}`}</title>
            </rect>
          );
        }),
      )}
    </svg>
  );
}
