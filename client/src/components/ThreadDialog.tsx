import { useEffect, useRef } from 'react';
import type { MentionView } from '../../../shared/contracts/views.js';
import { useThread } from '../hooks/useThread.js';
import type { Meta } from '../hooks/useMeta.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ReviewableMention } from '../review/ReviewableMention.js';
import { ErrorPanel, Loading } from './Status.js';

/**
 * The thread around one mention in a modal `<dialog>`: the browser traps focus inside and turns
 * Escape into `cancel`; closing hands focus back to whatever opened it.
 */
interface Props {
  uid: string;
  meta: Meta | undefined;
  timeZone: string;
  onClose: () => void;
  /** Open the review editor of `uid` at once (the analyst clicked "Review tags" in the table). */
  reviewing?: boolean;
  /** An analyst corrected or confirmed a mention of the thread. */
  onReviewed?: () => void;
}

export function ThreadDialog({ uid, meta, timeZone, onClose, reviewing = false, onReviewed }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const { data, isLoading, error, reload } = useThread(uid);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => {
      if (el?.open) el.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="thread-dialog"
      aria-labelledby="thread-title"
      data-testid="thread-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === dialog.current) onClose();
      }}
    >
      <div className="dialog-body">
        <header className="dialog-head">
          <h2 id="thread-title">{t.thread.title}</h2>
          <button type="button" onClick={onClose} autoFocus>
            {t.common.close}
          </button>
        </header>
        {renderContent()}
      </div>
    </dialog>
  );

  function item(m: MentionView) {
    return (
      <ReviewableMention key={m.uid} mention={m} meta={meta} timeZone={timeZone} highlight={m.uid === uid} startOpen={reviewing && m.uid === uid} onReviewed={() => onReviewed?.()} />
    );
  }

  // A render helper, not a component: a nested component type would remount on every render.
  function renderContent() {
    if (isLoading) return <Loading />;
    if (error) return <ErrorPanel error={error} onRetry={reload} />;
    if (!data) return null;
    return (
      <>
        <section aria-labelledby="thread-root">
          <h3 id="thread-root">{t.thread.root}</h3>
          {data.root ? (
            item(data.root)
          ) : (
            <p className="muted">{t.thread.rootMissing}</p>
          )}
        </section>
        <section aria-labelledby="thread-replies">
          <h3 id="thread-replies">
            {t.thread.replies} <span className="count">{data.replies.length}</span>
          </h3>
          {data.replies.length === 0 ? (
            <p className="muted">{t.common.none}</p>
          ) : (
            <ol className="mention-list">
              {data.replies.map((m) => (
                <li key={m.uid}>{item(m)}</li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="thread-reposts">
          <h3 id="thread-reposts">
            {t.thread.reposts} <span className="count">{data.reposts.length}</span>
          </h3>
          {data.reposts.length === 0 ? (
            <p className="muted">{t.common.none}</p>
          ) : (
            <ol className="mention-list">
              {data.reposts.map((m) => (
                <li key={m.uid}>{item(m)}</li>
              ))}
            </ol>
          )}
        </section>
      </>
    );
  }
}
