import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { CopyButton } from './CopyButton.js';

/** A secret the server returns once (one-time password, API token): shown with a copy button until dismissed. */
export function ShownOnce({ intro, secret, onDismiss, testId, children }: { intro: string; secret: string; onDismiss: () => void; testId: string; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="shown-once" role="status" data-testid={testId}>
      <p>{intro}</p>
      <p className="secret-row">
        <code className="secret" data-testid={`${testId}-value`}>
          {secret}
        </code>{' '}
        <CopyButton text={secret} testId={`${testId}-copy`} />
      </p>
      {children}
      <button type="button" onClick={onDismiss} data-testid={`${testId}-dismiss`}>
        {t.accounts.shownOnce.dismiss}
      </button>
    </div>
  );
}
