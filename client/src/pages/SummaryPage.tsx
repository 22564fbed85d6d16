import { useSearchParams } from 'react-router-dom';
import { EMOTIONS, type Emotion } from '../../../shared/contracts/tags.js';
import type { DailySummary, KeyCount } from '../../../shared/contracts/views.js';
import { HourlyChart } from '../charts/HourlyChart.js';
import { MentionItem } from '../components/MentionItem.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { StoryItem } from '../components/StoryItem.js';
import { topicName, useMeta, type Meta } from '../hooks/useMeta.js';
import { useSummary } from '../hooks/useSummary.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatChange, formatNumber, formatShare } from '../lib/format.js';
import { addDays, formatDay, isIsoDate, todayIn } from '../lib/time.js';

/** The leader's daily summary: one day at a time, laid out to print on its own. */
export function SummaryPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const param = search.get('date');
  const date = param && isIsoDate(param) ? param : undefined;
  const summary = useSummary(date);
  const meta = useMeta();

  const goTo = (d: string) => setSearch(d ? { date: d } : {});

  return (
    <section className="page page-summary" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t.summary.title}</h1>
        <DateControls date={summary.data?.date ?? date} timeZone={summary.data?.timezone ?? meta.data?.timezone} onChange={goTo} />
      </div>
      {summary.error ? (
        <ErrorPanel error={summary.error} onRetry={summary.reload} />
      ) : summary.isLoading || !summary.data ? (
        <Loading />
      ) : (
        <SummaryBody summary={summary.data} meta={meta.data} />
      )}
    </section>
  );
}

function DateControls({ date, timeZone, onChange }: { date: string | undefined; timeZone: string | undefined; onChange: (d: string) => void }) {
  const { t } = useI18n();
  const today = timeZone ? todayIn(timeZone) : undefined;
  return (
    <div className="date-controls no-print" role="group" aria-label={t.summary.date}>
      <button type="button" disabled={!date} onClick={() => date && onChange(addDays(date, -1))} data-testid="prev-day">
        ← {t.summary.previousDay}
      </button>
      <label className="field-inline">
        <span className="visually-hidden">{t.summary.date}</span>
        <input
          type="date"
          value={date ?? ''}
          max={today}
          onChange={(e) => isIsoDate(e.target.value) && onChange(e.target.value)}
          data-testid="summary-date"
        />
      </label>
      <button
        type="button"
        disabled={!date || (today !== undefined && date >= today)}
        onClick={() => date && onChange(addDays(date, 1))}
        data-testid="next-day"
      >
        {t.summary.nextDay} →
      </button>
      <button type="button" onClick={() => window.print()}>
        {t.summary.print}
      </button>
    </div>
  );
}

function SummaryBody({ summary, meta }: { summary: DailySummary; meta: Meta | undefined }) {
  const { t, locale, lang } = useI18n();
  const { totals, previous } = summary;
  const change = formatChange(totals.total, previous.total, locale);
  return (
    <div className="summary" data-testid="summary">
      <p className="summary-date">
        <strong>{formatDay(summary.date, locale)}</strong> <span className="muted">{t.summary.generatedIn(summary.timezone)}</span>
      </p>
      <section aria-labelledby="totals-title">
        <h2 id="totals-title">{t.summary.totals}</h2>
        <div className="kpis">
          <div className="kpi" data-testid="summary-total">
            <span className="kpi-label">{t.summary.total}</span>
            <span className="kpi-value">{formatNumber(totals.total, locale)}</span>
            <span className="kpi-sub">
              {change === null ? (previous.total === 0 ? t.summary.newVsZero : t.summary.noChange) : t.summary.change(change)} ·{' '}
              {t.summary.previousWas(previous.total)}
            </span>
          </div>
          <Share label={t.sentiment.negative} n={totals.negative} of={totals.total} before={previous.negative} tone="negative" />
          <Share label={t.analyst.critical} n={totals.critical} of={totals.total} before={previous.critical} tone="critical" />
          <Share label={t.sentiment.positive} n={totals.positive} of={totals.total} before={previous.positive} tone="positive" />
          <Share label={t.sentiment.neutral} n={totals.neutral} of={totals.total} before={previous.neutral} />
        </div>
      </section>
      <div className="grid grid-summary">
        <section className="panel panel-wide" aria-labelledby="hourly-title">
          <h2 id="hourly-title">{t.summary.byHour}</h2>
          <HourlyChart hourly={summary.hourly} timeZone={summary.timezone} />
        </section>
        <section className="panel" aria-labelledby="topics-title">
          <h2 id="topics-title">{t.summary.topTopics}</h2>
          <CountList items={summary.topics.slice(0, 10)} name={(k) => topicName(meta, k, lang)} total={totals.total} />
        </section>
        <section className="panel" aria-labelledby="emotions-title">
          <h2 id="emotions-title">{t.summary.emotions}</h2>
          <CountList
            items={summary.emotions.filter((e) => e.key !== 'none')}
            name={(k) => (isEmotion(k) ? t.emotion[k] : k)}
            total={totals.total}
          />
        </section>
      </div>
      <section className="panel" aria-labelledby="critical-title">
        <h2 id="critical-title">{t.summary.topCritical}</h2>
        {summary.topCritical.length === 0 ? (
          <p className="muted">{t.summary.nothing}</p>
        ) : (
          <ol className="mention-list">
            {summary.topCritical.map((m) => (
              <li key={m.uid}>
                <MentionItem mention={m} meta={meta} timeZone={summary.timezone} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <div className="grid grid-two">
        <section className="panel" aria-labelledby="stories-title">
          <h2 id="stories-title">{t.summary.largestStories}</h2>
          <StoryList stories={summary.stories} timeZone={summary.timezone} />
        </section>
        <section className="panel" aria-labelledby="rumours-title">
          <h2 id="rumours-title">{t.summary.rumoursFlagged}</h2>
          <StoryList stories={summary.rumours} timeZone={summary.timezone} />
        </section>
      </div>
    </div>
  );
}

function Share({ label, n, of, before, tone }: { label: string; n: number; of: number; before: number; tone?: string }) {
  const { t, locale } = useI18n();
  return (
    <div className={`kpi${tone ? ` kpi-${tone}` : ''}`}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{formatNumber(n, locale)}</span>
      <span className="kpi-sub">
        {formatShare(n, of, locale)} · {t.summary.previousWas(before)}
      </span>
    </div>
  );
}

function CountList({ items, name, total }: { items: KeyCount[]; name: (key: string) => string; total: number }) {
  const { t, locale } = useI18n();
  if (items.length === 0) return <p className="muted">{t.summary.nothing}</p>;
  const max = Math.max(...items.map((i) => i.n));
  return (
    <ol className="count-list">
      {items.map((i) => (
        <li key={i.key}>
          <span className="count-name">{name(i.key)}</span>
          <span className="count-bar" aria-hidden="true">
            <span style={{ width: `${(i.n / max) * 100}%` }} />
          </span>
          <span className="count-n">
            {formatNumber(i.n, locale)} <span className="muted">({formatShare(i.n, total, locale)})</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

function StoryList({ stories, timeZone }: { stories: DailySummary['stories']; timeZone: string }) {
  const { t } = useI18n();
  if (stories.length === 0) return <p className="muted">{t.summary.nothing}</p>;
  return (
    <ol className="story-list">
      {stories.map((s) => (
        <li key={s.id}>
          <StoryItem story={s} timeZone={timeZone} />
        </li>
      ))}
    </ol>
  );
}

function isEmotion(key: string): key is Emotion {
  return (EMOTIONS as readonly string[]).includes(key);
}
