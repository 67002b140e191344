import type { TimelineSeries } from '../../../shared/contract/schemas/timeline';

/** One series of the chart: which counter and how it is drawn and named. */
export interface ChartSeries {
  readonly metric: string;
  readonly label: string;
  readonly colour: string;
}

interface HourlyBarChartProps {
  readonly series: TimelineSeries;
  readonly lines: readonly ChartSeries[];
  readonly label: string;
}

const WIDTH = 720;
const HEIGHT = 160;
const AXIS = 18;

const hourLabel = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** Grouped bars per hour in plain SVG (one bar per series), with a legend, the peak value and hover titles. */
export function HourlyBarChart({ series, lines, label }: HourlyBarChartProps) {
  const points = series.points;
  const peak = Math.max(1, ...points.flatMap((p) => lines.map((l) => p.values[l.metric] ?? 0)));
  const slot = WIDTH / Math.max(points.length, 1);
  const bar = Math.max(1, (slot - 2) / lines.length);
  const plot = HEIGHT - AXIS;
  return (
    <figure className="hourly-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={label}>
        <line x1={0} x2={WIDTH} y1={plot} y2={plot} stroke="var(--border-strong)" />
        {points.map((point, i) =>
          lines.map((line, j) => {
            const value = point.values[line.metric] ?? 0;
            const height = (value / peak) * (plot - 4);
            return (
              <rect key={`${point.at}-${line.metric}`} x={i * slot + 1 + j * bar} y={plot - height} width={bar} height={height} fill={line.colour}>
                <title>{`${hourLabel(point.at)} · ${line.label}: ${value}`}</title>
              </rect>
            );
          }),
        )}
        {points.length > 0 && (
          <>
            <text x={0} y={HEIGHT - 4} fontSize={11} fill="var(--text-muted)">
              {hourLabel(points[0]!.at)}
            </text>
            <text x={WIDTH} y={HEIGHT - 4} fontSize={11} fill="var(--text-muted)" textAnchor="end">
              {hourLabel(points[points.length - 1]!.at)}
            </text>
          </>
        )}
        <text x={WIDTH} y={11} fontSize={11} fill="var(--text-muted)" textAnchor="end">
          peak {peak}/h
        </text>
      </svg>
      <figcaption>
        {lines.map((line, i) => (
          <span key={line.metric} className="chart-legend">
            {i > 0 && ' · '}
            <svg width={10} height={10} aria-hidden="true">
              <rect width={10} height={10} fill={line.colour} />
            </svg>{' '}
            {line.label}: {points.reduce((sum, p) => sum + (p.values[line.metric] ?? 0), 0)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
