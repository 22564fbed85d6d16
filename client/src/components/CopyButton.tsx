import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

/** Copies `text` to the clipboard and says so (or that it could not, e.g. on plain http). */
export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()} data-testid={testId}>
        {state === 'copied' ? t.accounts.shownOnce.copied : t.accounts.shownOnce.copy}
      </button>
      {state === 'failed' && (
        <span className="form-problem small" role="status">
          {t.accounts.shownOnce.copyFailed}
        </span>
      )}
    </>
  );
}
