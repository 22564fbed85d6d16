import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

/** A button that asks in place ("Are you sure?" with the consequence) before acting. */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  disabled = false,
  testId,
  children,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  testId: string;
  /** Extra choices shown with the question (e.g. a checkbox). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" disabled={disabled} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      {children}
      <button
        type="button"
        className="primary"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={`${testId}-confirm`}
      >
        {label}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t.accounts.users.cancel}
      </button>
    </span>
  );
}
