import { useState } from 'react';
import type { ReviewResult } from '../../../shared/contracts/review.js';
import type { MentionView } from '../../../shared/contracts/views.js';
import { MentionItem } from '../components/MentionItem.js';
import type { Meta } from '../hooks/useMeta.js';
import { PERMISSIONS } from '../../../shared/contracts/roles.js';
import { useCan } from '../hooks/useCan.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ReviewEditor } from './ReviewEditor.js';

interface Props {
  mention: MentionView;
  meta: Meta | undefined;
  timeZone: string;
  highlight?: boolean;
  /** Open with the editor showing (the analyst asked to review this one). */
  startOpen?: boolean;
  onReviewed: (result: ReviewResult) => void;
}

/** A mention card with a "Review tags" action that opens the analyst's editor under it. */
export function ReviewableMention({ mention, meta, timeZone, highlight = false, startOpen = false, onReviewed }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(startOpen);
  const [current, setCurrent] = useState(mention);
  const mayReview = useCan(PERMISSIONS.reviewWrite);
  return (
    <div className="reviewable" data-testid="reviewable" data-uid={current.uid}>
      <MentionItem mention={current} meta={meta} timeZone={timeZone} highlight={highlight} />
      {!mayReview ? null : open ? (
        <ReviewEditor
          mention={current}
          meta={meta}
          onCancel={() => setOpen(false)}
          onDone={(r) => {
            setCurrent(r.mention);
            setOpen(false);
            onReviewed(r);
          }}
        />
      ) : (
        <button type="button" className="link-button no-print" onClick={() => setOpen(true)} data-testid="review-open">
          {t.review.review}
        </button>
      )}
    </div>
  );
}
