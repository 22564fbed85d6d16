import { useI18n } from '../i18n/I18nProvider.js';
import { useLive } from '../live/LiveProvider.js';

/** The live connection's state, always visible in the header (colour plus words, never colour alone). */
export function ConnectionBadge() {
  const { t } = useI18n();
  const { connection } = useLive();
  return (
    <span className={`conn conn-${connection}`} role="status" data-testid="connection-state" data-state={connection}>
      <span className="conn-dot" aria-hidden="true" />
      <span className="visually-hidden">{t.connection.label}: </span>
      {t.connection[connection]}
    </span>
  );
}

/** A readable warning while the server cannot be reached, so stale numbers are not taken as live. */
export function OfflineBanner() {
  const { t } = useI18n();
  const { connection } = useLive();
  if (connection !== 'offline') return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="offline-banner">
      {t.common.offlineBanner}
    </div>
  );
}
