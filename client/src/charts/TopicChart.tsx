import { useMemo } from 'react';
import type { ChartData, ChartOptions } from 'chart.js';
import type { KeyCount } from '../../../shared/contracts/views.js';
import { Chart } from '../components/Chart.js';
import { topicName, type Meta } from '../hooks/useMeta.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ACCENT } from './palette.js';

const OPTIONS: ChartOptions = {
  animation: false,
  indexAxis: 'y',
  plugins: { legend: { display: false } },
  scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { grid: { display: false } } },
};

/** Horizontal bars of the largest topics, names in the current language. */
export function TopicChart({ topics, meta, max = 10, height = 240 }: { topics: KeyCount[]; meta: Meta | undefined; max?: number; height?: number }) {
  const { t, lang } = useI18n();
  const top = useMemo(() => [...topics].sort((a, b) => b.n - a.n).slice(0, max), [topics, max]);
  const data = useMemo<ChartData>(
    () => ({
      labels: top.map((k) => topicName(meta, k.key, lang)),
      datasets: [{ label: t.common.mentions, data: top.map((k) => k.n), backgroundColor: ACCENT, borderWidth: 0, maxBarThickness: 18 }],
    }),
    [top, meta, lang, t],
  );
  const label = `${t.live.topics}: ${top.map((k) => `${topicName(meta, k.key, lang)} ${k.n}`).join(', ') || t.live.topicsEmpty}`;
  return <Chart type="bar" data={data} options={OPTIONS} label={label} height={height} />;
}
