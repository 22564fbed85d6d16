import type { IncidentStatus, IncidentView, ResponseClock } from '../../../shared/contracts/incidents.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Dict } from '../i18n/zh.js';

export function formatDuration(ms: number, t: Dict): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return t.incidents.duration(Math.floor(minutes / 60), minutes % 60);
}

/** The clock in words: elapsed, and the next mark or the last one passed. */
export function clockText(clock: ResponseClock, t: Dict): string {
  const c = t.incidents.clock;
  if (clock.stopped) return c.stopped(formatDuration(clock.elapsedMs, t));
  const parts = [c.elapsed(formatDuration(clock.elapsedMs, t))];
  if (clock.next) parts.push(c.toMark(clock.next.hours, formatDuration(clock.next.remainingMs, t)));
  else parts.push(c.allPassed);
  if (clock.marksPassed > 0 && clock.next) parts.push(c.pastMarks([5, 24, 48][clock.marksPassed - 1] ?? 48));
  return parts.join(' · ');
}

/** Response-clock badge; colour and wording escalate as a mark nears and passes. */
export function ClockBadge({ clock }: { clock: ResponseClock }) {
  const { t } = useI18n();
  const level = clock.stopped ? 'stopped' : clock.level;
  return (
    <span className={`clock clock-${level}`} data-testid="incident-clock" data-level={level}>
      {!clock.stopped && <strong>{t.incidents.clock.level[clock.level]}</strong>} <span>{clockText(clock, t)}</span>
    </span>
  );
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status status-${status}`} data-testid="incident-status" data-status={status}>
      {t.incidents.status[status]}
    </span>
  );
}

/** Acknowledged by whom, or a visible "not acknowledged". */
export function AckBadge({ incident }: { incident: IncidentView }) {
  const { t } = useI18n();
  return incident.acknowledgedBy ? (
    <span className="chip">{t.incidents.acknowledgedBy(incident.acknowledgedBy)}</span>
  ) : (
    <span className="chip chip-deny">{t.incidents.notAcknowledged}</span>
  );
}
