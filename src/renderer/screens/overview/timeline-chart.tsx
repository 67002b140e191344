import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TimelineSeries } from '../../../shared/contract/schemas/timeline';
import { useSettings } from '../../stores/settings-store';

/** One line of the chart: the counter and how it is named and coloured. */
export interface ChartLine {
  readonly metric: string;
  readonly label: string;
  readonly colour: string;
}

interface TimelineChartProps {
  readonly series: TimelineSeries;
  readonly lines: readonly ChartLine[];
  readonly label: string;
}

const HEIGHT = 220;

// uPlot draws on a canvas, which cannot read CSS variables or light-dark(): the browser resolves the colour on a probe element.
const resolveColour = (colour: string, host: HTMLElement): string => {
  const probe = document.createElement('span');
  probe.style.color = colour;
  host.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved;
};

/** A uPlot line chart of timeline counters that follows its container's width and the theme's colours. */
export function TimelineChart({ series, lines, label }: TimelineChartProps) {
  const host = useRef<HTMLDivElement>(null);
  // The canvas keeps the colours it was drawn with, so a theme change draws it again.
  const theme = useSettings((s) => s.data?.theme);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const axisColour = resolveColour('var(--text-muted)', element);
    const data: uPlot.AlignedData = [
      series.points.map((p) => Date.parse(p.at) / 1000),
      ...lines.map((line) => series.points.map((p) => p.values[line.metric] ?? 0)),
    ];
    const plot = new uPlot(
      {
        width: Math.max(element.clientWidth, 300),
        height: HEIGHT,
        series: [{}, ...lines.map((line) => ({ label: line.label, stroke: resolveColour(line.colour, element), width: 2 }))],
        axes: [
          { stroke: axisColour, grid: { stroke: 'rgba(128,128,128,0.15)' } },
          { stroke: axisColour, grid: { stroke: 'rgba(128,128,128,0.15)' } },
        ],
        scales: { y: { range: (_u, _min, max) => [0, Math.max(max, 1)] } },
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 300), height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [series, lines, theme]);
  const totals = lines.map((line) => `${line.label}: ${series.points.reduce((sum, p) => sum + (p.values[line.metric] ?? 0), 0)}`).join(', ');
  return <div ref={host} className="timeline-chart" role="img" aria-label={`${label}. Totals: ${totals}`} data-testid="timeline-chart" />;
}
