import { useMemo } from 'react';
import type { ChartData, ChartOptions } from 'chart.js';
import { LIVE_WINDOW_MINUTES } from '../../../shared/contracts/live.js';
import type { SeriesPoint } from '../../../shared/contracts/views.js';
import { SENTIMENT_KEYS } from '../../../shared/contracts/views.js';
import { Chart } from '../components/Chart.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { oldestMinuteStart, seriesTotal } from '../live/mergeDelta.js';
import { formatClock, MINUTE } from '../lib/time.js';
import { SENTIMENT_COLORS } from './palette.js';

const OPTIONS: ChartOptions = {
  animation: false,
  interaction: { mode: 'index', intersect: false },
  plugins: { legend: { position: 'top', align: 'end', labels: { boxWidth: 10 } } },
  scales: {
    x: { stacked: true, grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
    y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
  },
};

/** Stacked bars of mentions per minute by sentiment over the live window, every minute present. */
export function VolumeChart({ series, now, timeZone }: { series: SeriesPoint[]; now: number; timeZone: string }) {
  const { t, locale } = useI18n();
  const data = useMemo<ChartData>(() => {
    const byT = new Map(series.map((p) => [p.t, p]));
    const start = oldestMinuteStart(now);
    const minutes: number[] = [];
    for (let m = start; minutes.length < LIVE_WINDOW_MINUTES; m += MINUTE) minutes.push(m);
    return {
      labels: minutes.map((m) => formatClock(m, locale, timeZone)),
      datasets: SENTIMENT_KEYS.map((key) => ({
        label: t.sentiment[key],
        data: minutes.map((m) => byT.get(m)?.[key] ?? 0),
        backgroundColor: SENTIMENT_COLORS[key],
        borderWidth: 0,
        barPercentage: 0.95,
        categoryPercentage: 0.95,
      })),
    };
  }, [series, now, timeZone, t, locale]);

  const total = seriesTotal(series);
  const lastMinute = Math.floor(now / MINUTE) * MINUTE;
  const last = seriesTotal(series.filter((p) => p.t === lastMinute));
  return (
    <>
      <Chart
        type="bar"
        data={data}
        options={OPTIONS}
        label={t.live.volumeAria(total, LIVE_WINDOW_MINUTES, last)}
        testId="live-volume-chart"
        height={260}
      />
      {/* The plotted total in text, for screen readers and for tests that cannot read a canvas. */}
      <p className="visually-hidden" data-testid="live-total">
        {total}
      </p>
    </>
  );
}
