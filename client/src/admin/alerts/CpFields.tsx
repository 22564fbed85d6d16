import type { ContactPointView } from '../../../../shared/contracts/alerts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CP_FIELDS, isSecret, type CpDraft } from './cpDraft.js';

/** The settings of one kind of contact point; secrets are write-only and say only whether one is stored. */
export function CpFields({ draft, saved, onChange }: { draft: CpDraft; saved: ContactPointView | null; onChange: (d: CpDraft) => void }) {
  const { t } = useI18n();
  const k = t.alertsAdmin.cp;
  const label = (f: keyof CpDraft): string => (f === 'secret' && draft.kind === 'dingtalk' ? k.secretDing : (k[f as keyof typeof k] as string));
  return (
    <div className="cp-fields">
      {CP_FIELDS[draft.kind].map((f) => {
        if (f === 'secure') {
          return (
            <label key={f} className="field-inline">
              <input type="checkbox" checked={draft.secure} onChange={(e) => onChange({ ...draft, secure: e.target.checked })} data-testid="cp-secure" />
              {k.secure}
            </label>
          );
        }
        const secret = isSecret(draft.kind, f);
        const state = saved?.secrets[f];
        const hintId = `cp-${f}-hint`;
        return (
          <label key={f} className="field field-grow">
            {label(f)}
            {f === 'to' ? (
              <textarea rows={2} value={draft.to} onChange={(e) => onChange({ ...draft, to: e.target.value })} data-testid="cp-to" />
            ) : (
              <input
                type={secret && f !== 'url' ? 'password' : 'text'}
                autoComplete="off"
                inputMode={f === 'port' ? 'numeric' : undefined}
                value={String(draft[f])}
                aria-describedby={secret && state ? hintId : undefined}
                onChange={(e) => onChange({ ...draft, [f]: e.target.value })}
                data-testid={`cp-${f}`}
              />
            )}
            {secret && state && (
              <span id={hintId} className="small" data-testid={`cp-${f}-state`} data-state={state}>
                {k.secretState(state === 'set' ? k.secretSet : k.secretNotSet)}
                {state === 'set' ? ` · ${k.keepSecret}` : ''}
              </span>
            )}
          </label>
        );
      })}
    </div>
  );
}
