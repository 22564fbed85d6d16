import { useEffect, useRef } from 'react';
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
ChartJS.defaults.color = '#4a5563';

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
    chart.current = new ChartJS(canvas.current, {
      type,
      data: latest.current.data,
      options: { responsive: true, maintainAspectRatio: false, ...latest.current.options },
    });
    return () => {
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
