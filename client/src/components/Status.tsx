import { useI18n } from '../i18n/I18nProvider.js';
import { ApiRequestError } from '../lib/api.js';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t.common.loading}
    </p>
  );
}

/** What went wrong in words, with a retry; never a blank page. */
export function ErrorPanel({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const unreachable = error instanceof ApiRequestError && error.unreachable;
  return (
    <div className="error-panel" role="alert" data-testid="error-panel">
      <strong>{t.common.error}</strong>
      <p>{unreachable ? t.common.unreachable : error.message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t.common.retry}
        </button>
      )}
    </div>
  );
}
