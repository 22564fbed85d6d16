import type { MentionView } from '../../../shared/contracts/views.js';
import { topicName, type Meta } from '../hooks/useMeta.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatNumber } from '../lib/format.js';
import { safeHref } from '../lib/links.js';
import { formatDateTime } from '../lib/time.js';
import { ConfidenceMark } from '../review/ConfidenceMark.js';

export function SentimentBadge({ mention }: { mention: MentionView }) {
  const { t } = useI18n();
  const s = mention.tags.sentiment;
  return (
    <span className={`badge badge-${s.label}`} title={`${t.sentiment.score} ${s.score.toFixed(2)}`}>
      {t.sentiment[s.label]} <span className="badge-score">{s.score.toFixed(2)}</span>
    </span>
  );
}

/** Emotion, stance, critical and topic chips of one mention. */
export function TagChips({ mention, meta }: { mention: MentionView; meta: Meta | undefined }) {
  const { t, lang } = useI18n();
  const { tags } = mention;
  return (
    <span className="chips">
      <ConfidenceMark mention={mention} />
      {tags.critical && <span className="chip chip-critical">{t.analyst.critical}</span>}
      {tags.emotion !== 'none' && <span className="chip">{t.emotion[tags.emotion]}</span>}
      {tags.stance !== 'comment' && <span className={`chip chip-${tags.stance}`}>{t.stance[tags.stance]}</span>}
      {tags.topics.map((id) => (
        <span key={id} className="chip chip-topic">
          #{topicName(meta, id, lang)}
        </span>
      ))}
    </span>
  );
}

/** One mention as a compact card: the live feed, threads and the summary use it. */
export function MentionItem({
  mention,
  meta,
  timeZone,
  highlight = false,
}: {
  mention: MentionView;
  meta: Meta | undefined;
  timeZone: string;
  highlight?: boolean;
}) {
  const { t, locale } = useI18n();
  const author = mention.author.name ?? mention.author.id ?? t.common.unknownAuthor;
  const href = safeHref(mention.url);
  return (
    <article className={`mention${highlight ? ' mention-highlight' : ''}`} data-uid={mention.uid}>
      <header className="mention-head">
        <span className="mention-author">
          {author}
          {mention.author.official && <span className="chip chip-official">V</span>}
        </span>
        <span className="mention-platform">{mention.platform}</span>
        <span className="mention-kind">{t.kind[mention.kind]}</span>
        <time dateTime={mention.createdAt}>{formatDateTime(mention.createdAt, locale, timeZone)}</time>
      </header>
      <p className="mention-text" lang={mention.tags.lang === 'en' ? 'en' : mention.tags.lang === 'zh' ? 'zh-CN' : undefined}>
        {mention.text}
      </p>
      <footer className="mention-foot">
        <SentimentBadge mention={mention} />
        <TagChips mention={mention} meta={meta} />
        <span className="mention-metrics" title={`${t.metrics.reposts} ${mention.metrics.reposts} · ${t.metrics.comments} ${mention.metrics.comments} · ${t.metrics.likes} ${mention.metrics.likes}`}>
          {t.metrics.engagement} {formatNumber(mention.engagement, locale)}
        </span>
        {href ? (
          <a href={href} target="_blank" rel="noreferrer noopener" className="mention-link" aria-label={t.common.source} title={t.common.source}>
            ↗
          </a>
        ) : (
          // Not a web link (stored before ingest checked it): shown, never followed.
          mention.url && (
            <span className="mention-url-text muted small" data-testid="mention-url-text">
              {mention.url}
            </span>
          )
        )}
      </footer>
    </article>
  );
}
