import { useState } from 'react';
import type { DeliveryOutcome } from '../../../../shared/contracts/alerts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { sendTest } from '../../lib/alertsAdmin.js';

/** "Send test": one attempt now, then the receiver's answer (delivered, or its reason). */
export function SendTest({ id, onSent }: { id: number; onSent: () => void }) {
  const { t } = useI18n();
  const k = t.alertsAdmin.test;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<DeliveryOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setOutcome(null);
    setProblem(null);
    try {
      setOutcome(await sendTest(id));
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      onSent();
    }
  };
  return (
    <div className="send-test" data-testid="send-test">
      <button type="button" className="primary" disabled={busy} onClick={() => void run()} data-testid="send-test-button">
        {busy ? k.sending : k.button}
      </button>
      <div aria-live="polite">
        {outcome?.status === 'sent' && (
          <p className="send-test-ok" data-testid="send-test-result" data-status="sent">
            ✓ {k.sent(outcome.code)}
          </p>
        )}
        {outcome && outcome.status !== 'sent' && (
          <p className="form-problem" data-testid="send-test-result" data-status={outcome.status}>
            ✗ {k.failed(outcome.error ?? outcome.status)}
          </p>
        )}
        {problem && (
          <p className="form-problem" role="alert" data-testid="send-test-result" data-status="error">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
}
