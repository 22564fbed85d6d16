import { Link } from 'react-router-dom';
import type { StoryView } from '../../../shared/contracts/views.js';
import { PERMISSIONS } from '../../../shared/contracts/roles.js';
import { useCan } from '../hooks/useCan.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatNumber } from '../lib/format.js';
import { formatDateTime } from '../lib/time.js';
import { Fact } from './Fact.js';

/** A story with its rumour signals; the link opens its mentions in the analyst view. */
export function StoryItem({ story, timeZone }: { story: StoryView; timeZone: string }) {
  const { t, locale } = useI18n();
  const pct = Math.round(story.rumourScore * 100);
  const mayOpen = useCan(PERMISSIONS.mentionsRead);
  return (
    <article className="story">
      {story.text ? <p className="story-text">{story.text}</p> : <p className="story-text muted">{t.live.storyNoText}</p>}
      <div className="story-meter" title={`${t.live.rumourScore} ${pct}%`}>
        <meter min={0} max={1} low={0.4} high={0.7} optimum={0} value={story.rumourScore} aria-label={t.live.rumourScore} />
        <span className="story-score">{pct}%</span>
      </div>
      <dl className="story-facts">
        <Fact term={t.live.queries}>{formatNumber(story.queries, locale)}</Fact>
        <Fact term={t.live.denies}>{formatNumber(story.denies, locale)}</Fact>
        <Fact term={t.live.size}>{formatNumber(story.posts + story.replies, locale)}</Fact>
        <Fact term={t.live.firstSeen}><time dateTime={story.firstSeen}>{formatDateTime(story.firstSeen, locale, timeZone)}</time></Fact>
      </dl>
      {mayOpen && (
        <Link className="no-print" to={`/analyst?range=all&story=${encodeURIComponent(story.id)}`}>
          {t.live.openStory} →
        </Link>
      )}
    </article>
  );
}
