import { useEffect, useRef } from 'react';
import { useThread } from '../hooks/useThread.js';
import type { Meta } from '../hooks/useMeta.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { MentionItem } from './MentionItem.js';
import { ErrorPanel, Loading } from './Status.js';

/**
 * The thread around one mention in a modal `<dialog>`: the browser traps focus inside and turns
 * Escape into `cancel`; closing hands focus back to whatever opened it.
 */
export function ThreadDialog({ uid, meta, timeZone, onClose }: { uid: string; meta: Meta | undefined; timeZone: string; onClose: () => void }) {
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
            <MentionItem mention={data.root} meta={meta} timeZone={timeZone} highlight={data.root.uid === uid} />
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
                <li key={m.uid}>
                  <MentionItem mention={m} meta={meta} timeZone={timeZone} highlight={m.uid === uid} />
                </li>
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
                <li key={m.uid}>
                  <MentionItem mention={m} meta={meta} timeZone={timeZone} highlight={m.uid === uid} />
                </li>
              ))}
            </ol>
          )}
        </section>
      </>
    );
  }
}
