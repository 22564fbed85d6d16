import { useEffect, useRef } from 'react';
import { cssColor, onThemeChange } from '../theme/theme.js';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
  type ChartType,
} from 'chart.js';

// Only the pieces the dashboard draws, so the bundle carries no unused controllers.
ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend, Filler);
ChartJS.defaults.font.family = 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
ChartJS.defaults.font.size = 11;

/** Axis text and grid lines in the current theme's colours. */
function themeDefaults(): void {
  ChartJS.defaults.color = cssColor('--muted', '#4a5563');
  ChartJS.defaults.borderColor = cssColor('--line', '#d8dee6');
}

export interface ChartProps {
  type: ChartType;
  data: ChartData;
  options?: ChartOptions;
  /** Text alternative for the canvas: a chart must say in words what it shows. */
  label: string;
  testId?: string;
  height?: number;
}

/**
 * The one owner of chart.js instances: created once per canvas, updated in place when data or
 * options change (no re-creation, no animation on updates, so a 1 Hz feed stays cheap), destroyed
 * on unmount.
 */
export function Chart({ type, data, options, label, testId, height = 240 }: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartJS | null>(null);
  const latest = useRef({ data, options });
  latest.current = { data, options };

  useEffect(() => {
    if (!canvas.current) return;
    themeDefaults();
    chart.current = new ChartJS(canvas.current, {
      type,
      data: latest.current.data,
      options: { responsive: true, maintainAspectRatio: false, ...latest.current.options },
    });
    const stopWatching = onThemeChange(() => {
      themeDefaults();
      const c = chart.current;
      if (!c) return;
      // Scales copied the defaults when they were built: give them the new colours too.
      for (const scale of Object.values(c.options.scales ?? {})) {
        if (!scale) continue;
        if (scale.ticks) scale.ticks.color = ChartJS.defaults.color as string;
        if (scale.grid) scale.grid.color = ChartJS.defaults.borderColor as string;
      }
      c.update('none');
    });
    return () => {
      stopWatching();
      chart.current?.destroy();
      chart.current = null;
    };
  }, [type]);

  useEffect(() => {
    if (!chart.current) return;
    chart.current.data = data;
    chart.current.update('none');
  }, [data]);

  useEffect(() => {
    if (!chart.current) return;
    chart.current.options = { responsive: true, maintainAspectRatio: false, ...options };
    chart.current.update('none');
  }, [options]);

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
