import { LIVE_WINDOW_MINUTES } from '../../../shared/contracts/live.js';
import { TopicChart } from '../charts/TopicChart.js';
import { VolumeChart } from '../charts/VolumeChart.js';
import { AlertBanner } from '../components/AlertBanner.js';
import { MentionItem } from '../components/MentionItem.js';
import { StoryItem } from '../components/StoryItem.js';
import { Loading } from '../components/Status.js';
import { FALLBACK_TIMEZONE, useMeta } from '../hooks/useMeta.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { IncidentAlert } from '../incidents/IncidentAlert.js';
import { useLive } from '../live/LiveProvider.js';
import { seriesTotal } from '../live/mergeDelta.js';
import { formatNumber, formatShare } from '../lib/format.js';
import { useRotation } from '../hooks/useRotation.js';

/** How long a wall display shows each panel. */
const WALL_PANEL_MS = 15_000;
const PANELS = 4;

/** The duty officer's view: everything here comes from the live socket and moves once a second. */
export function LivePage({ wall = false }: { wall?: boolean }) {
  const { t, locale } = useI18n();
  const { state, connection } = useLive();
  const meta = useMeta();
  const timeZone = meta.data?.timezone ?? FALLBACK_TIMEZONE;
  const shown = useRotation(PANELS, WALL_PANEL_MS, wall);
  // On the wall one panel at a time, large; on the desk all of them.
  const hidden = (i: number) => wall && i !== shown;

  if (!state) {
    return (
      <section className="page" aria-labelledby="page-title">
        <h1 id="page-title">{t.live.title}</h1>
        {connection === 'offline' ? <p className="muted">{t.common.unreachable}</p> : <Loading label={t.live.waiting} />}
      </section>
    );
  }

  const plotted = seriesTotal(state.series);
  const { totals } = state;
  return (
    <section className="page page-live" aria-labelledby="page-title" data-stale={connection !== 'connected'}>
      <h1 id="page-title" className="visually-hidden">
        {t.live.title}
      </h1>
      <IncidentAlert />
      {!wall && <AlertBanner />}
      <div className="kpis">
        <Kpi label={t.live.totalInWindow(LIVE_WINDOW_MINUTES)} value={formatNumber(plotted, locale)} testId="kpi-total" />
        <Kpi
          label={t.live.negativeShare}
          value={formatShare(totals.negative, totals.total, locale)}
          sub={`${formatNumber(totals.negative, locale)} / ${formatNumber(totals.total, locale)}`}
          tone="negative"
          testId="kpi-negative"
        />
        <Kpi
          label={t.live.criticalShare}
          value={formatShare(totals.critical, totals.total, locale)}
          sub={`${formatNumber(totals.critical, locale)} / ${formatNumber(totals.total, locale)}`}
          tone="critical"
          testId="kpi-critical"
        />
      </div>
      {wall && <p className="visually-hidden" aria-live="polite">{t.wall.panelOf(shown + 1, PANELS)}</p>}
      <div className="grid grid-live">
        <section className="panel panel-wide" aria-labelledby="volume-title" hidden={hidden(0)}>
          <h2 id="volume-title">{t.live.volume}</h2>
          <VolumeChart series={state.series} now={state.now} timeZone={timeZone} />
        </section>
        <section className="panel" aria-labelledby="topics-title" hidden={hidden(1)}>
          <h2 id="topics-title">{t.live.topics}</h2>
          {state.topics.length === 0 ? <p className="muted">{t.live.topicsEmpty}</p> : <TopicChart topics={state.topics} meta={meta.data} height={260} />}
        </section>
        <section className="panel panel-feed" aria-labelledby="critical-title" hidden={hidden(2)}>
          <h2 id="critical-title">
            {t.live.criticalFeed} <span className="count">{state.critical.length}</span>
          </h2>
          {state.critical.length === 0 ? (
            <p className="muted">{t.live.criticalEmpty}</p>
          ) : (
            <ol className="mention-list feed" data-testid="critical-feed">
              {state.critical.map((m) => (
                <li key={m.uid}>
                  <MentionItem mention={m} meta={meta.data} timeZone={timeZone} />
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="panel panel-feed" aria-labelledby="rumours-title" hidden={hidden(3)}>
          <h2 id="rumours-title">
            {t.live.rumours} <span className="count">{state.rumours.length}</span>
          </h2>
          {state.rumours.length === 0 ? (
            <p className="muted">{t.live.rumoursEmpty}</p>
          ) : (
            <ol className="story-list" data-testid="rumour-list">
              {state.rumours.map((s) => (
                <li key={s.id}>
                  <StoryItem story={s} timeZone={timeZone} />
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </section>
  );
}

function Kpi({ label, value, sub, tone, testId }: { label: string; value: string; sub?: string; tone?: string; testId?: string }) {
  return (
    <div className={`kpi${tone ? ` kpi-${tone}` : ''}`} data-testid={testId}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      {sub && <span className="kpi-sub">{sub}</span>}
    </div>
  );
}
