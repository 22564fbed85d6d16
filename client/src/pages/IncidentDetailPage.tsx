import { Link, useParams } from 'react-router-dom';
import { RESPONSE_MARK_HOURS, type IncidentDetail } from '../../../shared/contracts/incidents.js';
import { MentionItem } from '../components/MentionItem.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useIncident } from '../hooks/useIncident.js';
import { FALLBACK_TIMEZONE, useMeta, type Meta } from '../hooks/useMeta.js';
import { useNow } from '../hooks/useNow.js';
import { useReloadOn } from '../hooks/useReloadOn.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { EffectPanel } from '../incidents/EffectPanel.js';
import { EventHistory } from '../incidents/EventHistory.js';
import { IncidentActions } from '../incidents/IncidentActions.js';
import { PERMISSIONS } from '../../../shared/contracts/roles.js';
import { useCan } from '../hooks/useCan.js';
import { AckBadge, ClockBadge, StatusBadge } from '../incidents/IncidentBadges.js';
import { ReasonList } from '../incidents/ReasonList.js';
import { useLive } from '../live/LiveProvider.js';
import { withClock } from '../live/mergeIncidents.js';
import { formatNumber } from '../lib/format.js';
import { formatDateTime } from '../lib/time.js';
import { Fact } from '../components/Fact.js';

const HOUR = 3_600_000;

/** One incident: the claim and why it was flagged, the clock, the evidence, the actions, the history. */
export function IncidentDetailPage() {
  const { t } = useI18n();
  const params = useParams();
  const id = /^\d+$/.test(params.id ?? '') ? Number(params.id) : null;
  const { data, isLoading, error, reload } = useIncident(id);
  const live = useLive();
  useReloadOn(id === null ? undefined : live.incidents.versions[id], reload);
  const meta = useMeta();
  const timeZone = meta.data?.timezone ?? FALLBACK_TIMEZONE;

  return (
    <section className="page page-incident" aria-labelledby="page-title">
      <p className="no-print">
        <Link to="/incidents">← {t.incidents.back}</Link>
      </p>
      {id === null ? (
        <ErrorPanel error={new Error(t.notFound)} />
      ) : error ? (
        <ErrorPanel error={error} onRetry={reload} />
      ) : !data ? (
        isLoading ? <Loading /> : null
      ) : (
        <IncidentBody detail={data} meta={meta.data} timeZone={timeZone} onChanged={reload} />
      )}
    </section>
  );
}

function IncidentBody({ detail, meta, timeZone, onChanged }: { detail: IncidentDetail; meta: Meta | undefined; timeZone: string; onChanged: () => void }) {
  const mayOpenStory = useCan(PERMISSIONS.mentionsRead);
  const mayCommand = useCan(PERMISSIONS.incidentsCommand);
  const { t, locale } = useI18n();
  const now = useNow();
  const inc = withClock(detail.incident, now);
  const i = t.incidents;
  const story = inc.story;
  // The scorer's live explanation when the story view carries one, else what it said at detection.
  const liveReasons = story ? (story as { reasons?: unknown }).reasons : undefined;
  const reasons = liveReasons ?? inc.reasonsAtOpen;
  const opened = Date.parse(inc.openedAt);
  const end = inc.closedAt ? Date.parse(inc.closedAt) : now;

  return (
    <>
      <div className="page-head">
        <h1 id="page-title">{i.number(inc.id)}</h1>
        <div className="incident-badges">
          <StatusBadge status={inc.status} />
          <AckBadge incident={inc} />
          <ClockBadge clock={inc.clock} />
        </div>
      </div>
      {detail.knownIncident && (
        <div className="known-banner" role="note" data-testid="known-rumour">
          <strong>{i.known}</strong>{' '}
          {i.knownText(detail.knownIncident.id, i.status[detail.knownIncident.status], (inc.knownSimilarity ?? 0).toFixed(2))}{' '}
          <Link to={`/incidents/${detail.knownIncident.id}`}>{i.knownOpen} →</Link>
          {detail.knownIncident.statusNote && <p className="small">“{detail.knownIncident.statusNote}”</p>}
        </div>
      )}
      <div className="grid grid-incident">
        <section className="panel" aria-labelledby="story-title">
          <h2 id="story-title">{i.story}</h2>
          <p className="incident-story" data-testid="incident-story">
            {story?.text || inc.storyText || i.storyMissing}
          </p>
          <dl className="story-facts">
            <Fact term={i.score}>{Math.round((story?.rumourScore ?? inc.scoreAtOpen) * 100)}%</Fact>
            <Fact term={i.scoreAtOpen}>{Math.round(inc.scoreAtOpen * 100)}%</Fact>
            {story && (
              <>
                <Fact term={t.live.queries}>{formatNumber(story.queries, locale)}</Fact>
                <Fact term={t.live.denies}>{formatNumber(story.denies, locale)}</Fact>
                <Fact term={t.live.size}>{formatNumber(story.posts + story.replies, locale)}</Fact>
                <Fact term={i.reach}>{formatNumber(story.reach, locale)}</Fact>
              </>
            )}
            <Fact term={i.openedAt}>{formatDateTime(inc.openedAt, locale, timeZone)}</Fact>
            <Fact term={i.assignee} testId="incident-assignee">{inc.assignee ?? i.unassigned}</Fact>
          </dl>
          {inc.statusNote && (
            <p>
              <span className="muted">{i.lastNote}:</span> <span data-testid="incident-note">{inc.statusNote}</span>
            </p>
          )}
          {story && mayOpenStory && (
            <p className="no-print">
              <Link to={`/analyst?range=all&story=${encodeURIComponent(story.id)}`}>{t.live.openStory} →</Link>
            </p>
          )}
          <h3>{i.reasons}</h3>
          <ReasonList reasons={reasons} atOpen={liveReasons === undefined} />
        </section>
        {mayCommand && (
          <section className="panel" aria-labelledby="actions-title">
            <h2 id="actions-title">{i.actions}</h2>
            <IncidentActions key={inc.id} incident={inc} onChanged={onChanged} />
          </section>
        )}
        <section className="panel" aria-labelledby="clock-title">
          <h2 id="clock-title">{i.clock.label}</h2>
          <table className="effect-table" data-testid="clock-marks">
            <tbody>
              {RESPONSE_MARK_HOURS.map((h) => {
                const due = opened + h * HOUR;
                const state = end >= due ? i.clock.missed : inc.clock.stopped ? i.clock.met : i.clock.pending;
                return (
                  <tr key={h} className={end >= due ? 'mark-passed' : ''}>
                    <th scope="row">{i.clock.markNames[h]}</th>
                    <td>
                      {i.clock.due} {formatDateTime(due, locale, timeZone)}
                    </td>
                    <td>{state}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <section className="panel" aria-labelledby="effect-title">
          <h2 id="effect-title">{i.effect}</h2>
          {detail.clarification && (
            <>
              <h3>{i.clarification}</h3>
              <MentionItem mention={detail.clarification} meta={meta} timeZone={timeZone} />
            </>
          )}
          {detail.effect ? <EffectPanel effect={detail.effect} timeZone={timeZone} /> : <p className="muted">{i.effectNone}</p>}
        </section>
        <section className="panel panel-wide" aria-labelledby="evidence-title">
          <h2 id="evidence-title">{i.evidence}</h2>
          <div className="grid grid-three">
            {(
              [
                ['queries', i.queries],
                ['denies', i.denies],
                ['spreaders', i.spreaders],
              ] as const
            ).map(([key, title]) => (
              <div key={key}>
                <h3>
                  {title} <span className="count">{detail.evidence[key].length}</span>
                </h3>
                {detail.evidence[key].length === 0 ? (
                  <p className="muted">{t.common.none}</p>
                ) : (
                  <ol className="mention-list" data-testid={`evidence-${key}`}>
                    {detail.evidence[key].map((m) => (
                      <li key={m.uid}>
                        <MentionItem mention={m} meta={meta} timeZone={timeZone} />
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            ))}
          </div>
        </section>
        <section className="panel panel-wide" aria-labelledby="history-title">
          <h2 id="history-title">{i.history}</h2>
          <EventHistory events={detail.events} timeZone={timeZone} />
        </section>
      </div>
    </>
  );
}
