import type { AlertScope } from '../../../../shared/contracts/alerts.js';
import type { Meta } from '../../hooks/useMeta.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CheckList } from './CheckList.js';

/** Topics, regions, platforms and languages the rule watches (none ticked in a group: all of them). */
export function ScopeFields({ value, meta, onChange }: { value: AlertScope; meta: Meta | undefined; onChange: (s: AlertScope) => void }) {
  const { t, locale } = useI18n();
  const f = t.alertsAdmin.form;
  const topics = (meta?.topics ?? []).map((x) => ({ value: x.id, label: locale === 'en' ? x.name.en : x.name.zh }));
  // A region or platform saved earlier stays choosable even if /meta no longer lists it.
  const plus = (known: readonly string[], chosen: readonly string[]) => [...new Set([...known, ...chosen])].map((v) => ({ value: v, label: v }));
  return (
    <div className="scope-fields">
      <CheckList legend={f.topics} options={topics} value={value.topics} onChange={(topics) => onChange({ ...value, topics })} testId="scope-topics" />
      <CheckList legend={f.regions} options={plus(meta?.regions ?? [], value.regions)} value={value.regions} onChange={(regions) => onChange({ ...value, regions })} testId="scope-regions" />
      <CheckList legend={f.platforms} options={plus(meta?.platforms ?? [], value.platforms)} value={value.platforms} onChange={(platforms) => onChange({ ...value, platforms })} testId="scope-platforms" />
      <CheckList
        legend={f.languages}
        options={(['zh', 'en'] as const).map((l) => ({ value: l, label: f.languageNames[l] ?? l }))}
        value={value.languages}
        onChange={(languages) => onChange({ ...value, languages })}
        testId="scope-languages"
      />
    </div>
  );
}
