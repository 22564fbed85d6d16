import { useMemo } from 'react';
import type { ChartData, ChartOptions } from 'chart.js';
import type { SeriesPoint } from '../../../shared/contracts/views.js';
import { SENTIMENT_KEYS } from '../../../shared/contracts/views.js';
import { Chart } from '../components/Chart.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatClock } from '../lib/time.js';
import { SENTIMENT_COLORS } from './palette.js';

const OPTIONS: ChartOptions = {
  // Printing snapshots the canvas; an animation caught half-way would print half-drawn bars.
  animation: false,
  interaction: { mode: 'index', intersect: false },
  plugins: { legend: { position: 'top', align: 'end', labels: { boxWidth: 10 } } },
  scales: {
    x: { stacked: true, grid: { display: false } },
    y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
  },
};

/** Stacked bars of the day's mentions per hour by sentiment. */
export function HourlyChart({ hourly, timeZone }: { hourly: SeriesPoint[]; timeZone: string }) {
  const { t, locale } = useI18n();
  const data = useMemo<ChartData>(
    () => ({
      labels: hourly.map((p) => formatClock(p.t, locale, timeZone)),
      datasets: SENTIMENT_KEYS.map((key) => ({
        label: t.sentiment[key],
        data: hourly.map((p) => p[key]),
        backgroundColor: SENTIMENT_COLORS[key],
        borderWidth: 0,
      })),
    }),
    [hourly, timeZone, t, locale],
  );
  const sums = SENTIMENT_KEYS.map((key) => `${t.sentiment[key]} ${hourly.reduce((n, p) => n + p[key], 0)}`).join(', ');
  return <Chart type="bar" data={data} options={OPTIONS} label={`${t.summary.byHour}: ${sums}`} height={240} />;
}
