import { useState, type FormEvent } from 'react';
import {
  SETTABLE_INCIDENT_STATUSES,
  STATUSES_NEEDING_NOTE,
  type IncidentStatus,
  type IncidentView,
} from '../../../shared/contracts/incidents.js';
import { SignedAs } from '../components/SignedAs.js';
import { useSession } from '../hooks/useSession.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { clarificationUid, sendIncidentCommand, type IncidentCommand } from '../lib/incidentCommands.js';

type Feedback = { kind: 'ok' | 'error'; text: string } | null;

/** Acknowledge, assign, move the status with a note, link the official clarification. */
export function IncidentActions({ incident, onChanged }: { incident: IncidentView; onChanged: () => void }) {
  const { t } = useI18n();
  const i = t.incidents;
  const officer = useSession().user?.displayName ?? '';
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [assignee, setAssignee] = useState(incident.assignee ?? '');
  const [status, setStatus] = useState<IncidentStatus>(incident.status === 'open' ? 'verifying' : incident.status);
  const [note, setNote] = useState('');
  const [clar, setClar] = useState(incident.clarificationUid ?? '');

  const run = async (command: IncidentCommand) => {
    if (!officer) {
      setFeedback({ kind: 'error', text: i.officerNeeded });
      return;
    }
    setBusy(true);
    setFeedback(null);
    try {
      const answer = await sendIncidentCommand(incident.id, command);
      setFeedback({ kind: 'ok', text: answer.changed ? i.saved : i.unchanged });
      if (command.action === 'status') setNote('');
      onChanged();
    } catch (err) {
      setFeedback({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const submit = (command: () => IncidentCommand | null) => (e: FormEvent) => {
    e.preventDefault();
    const c = command();
    if (c) void run(c);
  };
  const needsNote = STATUSES_NEEDING_NOTE.includes(status);
  const disabled = busy || !officer;

  return (
    <div className="incident-actions" data-testid="incident-actions">
      <SignedAs />
      <div className="action-row">
        <button
          type="button"
          className="primary"
          disabled={disabled || incident.acknowledgedAt !== null}
          onClick={() => void run({ action: 'acknowledge', body: {} })}
          data-testid="action-acknowledge"
        >
          {incident.acknowledgedAt ? i.acknowledged : i.acknowledge}
        </button>
      </div>
      <form className="action-row" onSubmit={submit(() => (assignee.trim() ? { action: 'assign', body: { assignee: assignee.trim() } } : null))}>
        <label className="field">
          {i.assignee}
          <input value={assignee} maxLength={40} placeholder={i.assignPlaceholder} onChange={(e) => setAssignee(e.target.value)} data-testid="action-assignee" />
        </label>
        <button type="submit" disabled={disabled || !assignee.trim()} data-testid="action-assign">
          {i.assign}
        </button>
      </form>
      <form
        className="action-row"
        onSubmit={submit(() => {
          if (needsNote && !note.trim()) {
            setFeedback({ kind: 'error', text: i.noteRequired });
            return null;
          }
          return { action: 'status', body: { status, ...(note.trim() ? { note: note.trim() } : {}) } };
        })}
      >
        <label className="field">
          {i.statusLabel}
          <select value={status} onChange={(e) => setStatus(e.target.value as IncidentStatus)} data-testid="action-status">
            {SETTABLE_INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {i.status[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-grow">
          {i.note}
          {needsNote ? ' *' : ''}
          <textarea
            value={note}
            rows={2}
            maxLength={1000}
            placeholder={i.notePlaceholder}
            required={needsNote}
            aria-required={needsNote}
            onChange={(e) => setNote(e.target.value)}
            data-testid="action-note"
          />
        </label>
        <button type="submit" disabled={disabled} data-testid="action-set-status">
          {i.setStatus}
        </button>
      </form>
      <form className="action-row" onSubmit={submit(() => (clar.trim() ? { action: 'clarification', body: { uid: clarificationUid(clar) } } : null))}>
        <label className="field field-grow">
          {i.clarificationUid}
          <input value={clar} maxLength={170} placeholder="weibo:4890123" onChange={(e) => setClar(e.target.value)} data-testid="action-clarification" aria-describedby="clar-hint" />
          <span id="clar-hint" className="small muted">
            {i.clarificationHint}
          </span>
        </label>
        <button type="submit" disabled={disabled || !clar.trim()} data-testid="action-link">
          {i.link}
        </button>
      </form>
      <p className={feedback?.kind === 'error' ? 'form-problem' : 'form-ok'} role={feedback?.kind === 'error' ? 'alert' : 'status'} data-testid="action-feedback">
        {feedback?.text ?? ''}
      </p>
    </div>
  );
}
