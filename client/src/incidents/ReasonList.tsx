import { useI18n } from '../i18n/I18nProvider.js';

export interface Reason {
  /** The scorer's signal key when it gave one (translated), else a label as given. */
  signal: string | null;
  label: string;
  value: string | null;
  /** The scorer's own wording (English). */
  detail: string | null;
  examples: string[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : null);

function exampleTexts(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .map((e) => (typeof e === 'string' ? e : e && typeof e === 'object' ? str((e as Record<string, unknown>).text) : null))
    .filter((e): e is string => !!e)
    .slice(0, 3);
}

/**
 * The scorer's explanation, read defensively: the live shape is RumourReasonView ({signal, weight,
 * value, detail, examples}); reasons stored when an older incident opened may be strings or a map.
 */
export function readReasons(raw: unknown): Reason[] {
  if (Array.isArray(raw)) {
    return raw.flatMap((r): Reason[] => {
      if (typeof r === 'string') return [{ signal: null, label: r, value: null, detail: null, examples: [] }];
      if (!r || typeof r !== 'object') return [];
      const o = r as Record<string, unknown>;
      const signal = str(o.signal);
      const label = signal ?? str(o.label) ?? str(o.text) ?? str(o.name) ?? str(o.key);
      if (!label) return [];
      return [{ signal, label, value: str(o.value) ?? str(o.weight), detail: str(o.detail), examples: exampleTexts(o.examples ?? o.posts) }];
    });
  }
  if (raw && typeof raw === 'object') {
    return Object.entries(raw as Record<string, unknown>)
      .filter(([, v]) => str(v) !== null)
      .map(([k, v]) => ({ signal: null, label: k, value: str(v), detail: null, examples: [] }));
  }
  return [];
}

export function ReasonList({ reasons, atOpen }: { reasons: unknown; atOpen: boolean }) {
  const { t, lang } = useI18n();
  const list = readReasons(reasons);
  if (list.length === 0) return <p className="muted">{t.incidents.reasonsNone}</p>;
  return (
    <>
      {atOpen && <p className="muted small">{t.incidents.reasonsAtOpenNote}</p>}
      <ul className="reasons" data-testid="incident-reasons">
        {list.map((r, i) => (
          <li key={`${r.label}-${i}`} data-signal={r.signal ?? undefined}>
            <span className="reason-label">{(r.signal && t.incidents.signals[r.signal]) || r.label}</span>
            {/* The scorer words its details in English; the Chinese view shows the measured value instead. */}
            {lang === 'en' && r.detail ? (
              <span className="reason-value">{r.detail}</span>
            ) : (
              r.value !== null && <span className="reason-value">{r.value}</span>
            )}
            {r.examples.length > 0 && (
              <ul className="reason-examples">
                {r.examples.map((e, j) => (
                  <li key={j}>“{e}”</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
