import { useState } from 'react';
import { EMOTIONS, SENTIMENTS, STANCES, type Emotion, type SentimentLabel, type Stance } from '../../../shared/contracts/tags.js';
import type { ReviewBody, ReviewResult } from '../../../shared/contracts/review.js';
import type { MentionView } from '../../../shared/contracts/views.js';
import { SignedAs } from '../components/SignedAs.js';
import { topicName, type Meta } from '../hooks/useMeta.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { postJson } from '../lib/api.js';

interface Props {
  mention: MentionView;
  meta: Meta | undefined;
  onDone: (result: ReviewResult) => void;
  onCancel?: () => void;
}

/**
 * The analyst's verdict on one mention's tags: every tag starts at the tagger's value, so saving
 * unchanged values confirms them and changed ones correct them (all recorded with who and when).
 */
export function ReviewEditor({ mention, meta, onDone, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [sentiment, setSentiment] = useState<SentimentLabel>(mention.tags.sentiment.label);
  const [emotion, setEmotion] = useState<Emotion>(mention.tags.emotion);
  const [stance, setStance] = useState<Stance>(mention.tags.stance);
  const [critical, setCritical] = useState(mention.tags.critical);
  const [topics, setTopics] = useState<string[]>(mention.tags.topics);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isReply = mention.kind !== 'post';
  const changed =
    sentiment !== mention.tags.sentiment.label ||
    emotion !== mention.tags.emotion ||
    stance !== mention.tags.stance ||
    critical !== mention.tags.critical ||
    [...topics].sort().join() !== [...mention.tags.topics].sort().join();

  async function submit() {
    const body: ReviewBody = { sentiment, emotion, critical, topics, ...(isReply ? { stance } : {}) };
    setBusy(true);
    setError(null);
    try {
      onDone(await postJson<ReviewResult>(`/mentions/${encodeURIComponent(mention.uid)}/review`, body));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="review-editor" data-testid="review-editor">
      <SignedAs />
      <form
        aria-label={t.review.reviewOf(mention.author.name ?? mention.author.id ?? t.common.unknownAuthor)}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="review-fields">
        <TagSelect label={t.review.tag.sentiment} value={sentiment} values={SENTIMENTS} names={t.sentiment} onChange={setSentiment} testId="review-sentiment" />
        <TagSelect label={t.review.tag.emotion} value={emotion} values={EMOTIONS} names={t.emotion} onChange={setEmotion} testId="review-emotion" />
        {isReply && <TagSelect label={t.review.tag.stance} value={stance} values={STANCES} names={t.stance} onChange={setStance} testId="review-stance" />}
        <label className="field field-inline">
          <input type="checkbox" checked={critical} onChange={(e) => setCritical(e.target.checked)} data-testid="review-critical" />
          {t.review.critical}
        </label>
        <fieldset className="review-topics">
          <legend>{t.review.tag.topics}</legend>
          {(meta?.topics ?? []).map((topic) => (
            <label key={topic.id} className="field-inline">
              <input
                type="checkbox"
                checked={topics.includes(topic.id)}
                onChange={(e) => setTopics((ts) => (e.target.checked ? [...ts, topic.id] : ts.filter((x) => x !== topic.id)))}
              />
              {topicName(meta, topic.id, lang)}
            </label>
          ))}
        </fieldset>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="review-actions">
        <button type="submit" disabled={busy} data-testid="review-submit">
          {changed ? t.review.save : t.review.confirm}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t.review.cancel}
          </button>
        )}
      </div>
      </form>
    </div>
  );
}

/** One tag's value as a labelled select over the contract's values. */
function TagSelect<V extends string>(props: { label: string; value: V; values: readonly V[]; names: Record<V, string>; onChange: (v: V) => void; testId: string }) {
  return (
    <label className="field">
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as V)} data-testid={props.testId}>
        {props.values.map((v) => (
          <option key={v} value={v}>
            {props.names[v]}
          </option>
        ))}
      </select>
    </label>
  );
}
