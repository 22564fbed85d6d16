import { useState } from 'react';
import type { MentionView } from '../../../shared/contracts/views.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useApi } from '../hooks/useApi.js';
import { FALLBACK_TIMEZONE, useMeta } from '../hooks/useMeta.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { apiUrl } from '../lib/api.js';
import { ReviewableMention } from '../review/ReviewableMention.js';

/** The analysts' review queue: the tags the tagger is least sure of, widest reach first. */
export function ReviewPage() {
  const { t } = useI18n();
  const meta = useMeta();
  const timeZone = meta.data?.timezone ?? FALLBACK_TIMEZONE;
  const queue = useApi<{ items: MentionView[] }>(apiUrl('/review', { limit: 50 }));
  // Reviewed items stay on the page (showing the verdict) until the queue is reloaded.
  const [done, setDone] = useState<Set<string>>(new Set());

  return (
    <section className="page page-review" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t.review.queueTitle}</h1>
        <a className="button no-print" href={apiUrl('/review/labels.jsonl')} download data-testid="export-labels">
          {t.review.exportLabels}
        </a>
      </div>
      <p className="muted">{t.review.queueIntro}</p>
      {renderQueue()}
    </section>
  );

  function renderQueue() {
    if (queue.error) return <ErrorPanel error={queue.error} onRetry={queue.reload} />;
    if (!queue.data) return <Loading />;
    if (queue.data.items.length === 0) {
      return (
        <p className="empty" role="status" data-testid="review-empty">
          {t.review.queueEmpty}
        </p>
      );
    }
    return (
      <ol className="mention-list" data-testid="review-queue">
        {queue.data.items.map((m) => (
          <li key={m.uid} className={done.has(m.uid) ? 'done' : undefined}>
            <ReviewableMention mention={m} meta={meta.data} timeZone={timeZone} onReviewed={() => setDone((d) => new Set(d).add(m.uid))} />
          </li>
        ))}
      </ol>
    );
  }
}
