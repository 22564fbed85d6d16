import { CONFIDENCE_TAGS, UNCERTAIN_BELOW } from '../../../shared/contracts/tags.js';
import type { MentionView } from '../../../shared/contracts/views.js';
import { useI18n } from '../i18n/I18nProvider.js';

/**
 * Marks a mention whose tagger was unsure of some tag (confidence below its UNCERTAIN_BELOW mark), naming
 * those tags and their probability; a reviewed mention shows that an analyst checked it instead.
 */
export function ConfidenceMark({ mention }: { mention: MentionView }) {
  const { t } = useI18n();
  if (mention.reviewed) {
    return (
      <span className="chip chip-reviewed" data-testid="reviewed-mark">
        ✓ {t.review.reviewed}
      </span>
    );
  }
  const c = mention.tags.confidence;
  if (!c) return null;
  const unsure = CONFIDENCE_TAGS.filter((tag) => c[tag] < UNCERTAIN_BELOW[tag]);
  if (unsure.length === 0) return null;
  const title = unsure.map((tag) => t.review.confidence(t.review.tag[tag], c[tag].toFixed(2))).join(' · ');
  return (
    <span className="chip chip-uncertain" title={title} data-testid="uncertain-mark">
      ? {t.review.uncertain}
      <span className="visually-hidden">: {title}</span>
    </span>
  );
}
