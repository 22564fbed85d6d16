import { useMemo } from 'react';
import type { ChartData, ChartOptions } from 'chart.js';
import type { ClarificationEffect } from '../../../shared/contracts/incidents.js';
import { Chart } from '../components/Chart.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatNumber } from '../lib/format.js';
import { formatClock, formatDateTime } from '../lib/time.js';
import { Fact } from '../components/Fact.js';

const OPTIONS: ChartOptions = {
  animation: false,
  plugins: { legend: { display: false } },
  scales: { x: { grid: { display: false } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
};
const BEFORE = '#d64545';
const AFTER = '#2c6bd6';

function pct(v: number | null, locale: string): string {
  return v === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);
}

/** Did the clarification work: spread, denial and reach before and after it. */
export function EffectPanel({ effect, timeZone }: { effect: ClarificationEffect; timeZone: string }) {
  const { t, locale } = useI18n();
  const at = Date.parse(effect.at);
  const data = useMemo<ChartData>(
    () => ({
      labels: effect.series.map((p) => formatClock(p.t, locale, timeZone)),
      datasets: [
        {
          label: t.incidents.mentionsPerBucket(effect.bucketMinutes),
          data: effect.series.map((p) => p.n),
          backgroundColor: effect.series.map((p) => (p.t + effect.bucketMinutes * 60_000 <= at ? BEFORE : AFTER)),
          borderWidth: 0,
        },
      ],
    }),
    [effect, at, locale, timeZone, t],
  );
  const i = t.incidents;
  return (
    <div className="effect" data-testid="incident-effect">
      <p className="small muted">
        {i.effectSource[effect.source]} · <time dateTime={effect.at}>{formatDateTime(effect.at, locale, timeZone)}</time>
      </p>
      <table className="effect-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{i.before}</th>
            <th scope="col">{i.after}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{i.velocity(effect.windowMinutes)}</th>
            <td data-testid="effect-velocity-before">{i.perHour(formatNumber(effect.velocity.before, locale))}</td>
            <td data-testid="effect-velocity-after">{i.perHour(formatNumber(effect.velocity.after, locale))}</td>
          </tr>
          <tr>
            <th scope="row">{i.denyShare}</th>
            <td>{pct(effect.denyShare.before, locale)}</td>
            <td>{pct(effect.denyShare.after, locale)}</td>
          </tr>
          <tr>
            <th scope="row">{i.queryShare}</th>
            <td>{pct(effect.queryShare.before, locale)}</td>
            <td>{pct(effect.queryShare.after, locale)}</td>
          </tr>
          <tr>
            <th scope="row">{i.responses}</th>
            <td>{formatNumber(effect.responses.before, locale)}</td>
            <td>{formatNumber(effect.responses.after, locale)}</td>
          </tr>
        </tbody>
      </table>
      <dl className="story-facts">
        <Fact term={i.reachClarification} testId="effect-reach-clarification">{formatNumber(effect.reach.clarification, locale)}</Fact>
        <Fact term={i.reachRumour}>{formatNumber(effect.reach.rumour, locale)}</Fact>
      </dl>
      <h3>{i.effectChartTitle}</h3>
      <Chart type="bar" data={data} options={OPTIONS} label={i.effectChart(effect.mentions.before, effect.mentions.after)} height={160} />
    </div>
  );
}
