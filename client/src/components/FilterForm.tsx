import { useState, type FormEvent } from 'react';
import { EMOTIONS, SENTIMENTS, STANCES } from '../../../shared/contracts/tags.js';
import { EMPTY_FILTERS, RANGE_PRESETS, type AnalystFilters, type RangePreset } from '../analyst/filters.js';
import type { Meta } from '../hooks/useMeta.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { fromZonedInput, toZonedInput } from '../lib/time.js';

interface Draft {
  range: RangePreset;
  from: string;
  to: string;
  topic: string;
  sentiment: string[];
  emotion: string[];
  stance: string[];
  critical: '' | 'true' | 'false';
  platform: string;
  region: string;
  story: string;
  q: string;
}

function toDraft(f: AnalystFilters, timeZone: string): Draft {
  return {
    range: f.range,
    from: f.from ? toZonedInput(Date.parse(f.from), timeZone) : '',
    to: f.to ? toZonedInput(Date.parse(f.to), timeZone) : '',
    topic: f.topic ?? '',
    sentiment: f.sentiment,
    emotion: f.emotion,
    stance: f.stance,
    critical: f.critical === undefined ? '' : f.critical ? 'true' : 'false',
    platform: f.platform ?? '',
    region: f.region ?? '',
    story: f.story ?? '',
    q: f.q ?? '',
  };
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/**
 * The analyst's filters as a form. It edits a draft and hands complete filters to `onApply` (which
 * writes them to the URL).
 */
export function FilterForm({
  filters,
  meta,
  timeZone,
  onApply,
}: {
  filters: AnalystFilters;
  meta: Meta | undefined;
  timeZone: string;
  onApply: (f: AnalystFilters) => void;
}) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => toDraft(filters, timeZone));
  const [problem, setProblem] = useState<string | null>(null);
  // When the URL changes underneath (back button, a link, a reset), the draft follows it. This
  // adjusts state during render instead of remounting, so focus stays on the button just pressed.
  const sourceKey = JSON.stringify({ ...filters, sort: undefined, order: undefined, timeZone });
  const [shownKey, setShownKey] = useState(sourceKey);
  if (shownKey !== sourceKey) {
    setShownKey(sourceKey);
    setDraft(toDraft(filters, timeZone));
  }
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  function submit(e: FormEvent) {
    e.preventDefault();
    let from: string | undefined;
    let to: string | undefined;
    if (draft.range === 'custom') {
      const f = draft.from ? fromZonedInput(draft.from, timeZone) : null;
      const tt = draft.to ? fromZonedInput(draft.to, timeZone) : null;
      if (f !== null && tt !== null && f >= tt) {
        setProblem(t.analyst.invalidRange);
        return;
      }
      from = f === null ? undefined : new Date(f).toISOString();
      to = tt === null ? undefined : new Date(tt).toISOString();
    }
    setProblem(null);
    onApply({
      // A custom range with neither bound set means "no bound": the same as all time.
      range: draft.range === 'custom' && !from && !to ? 'all' : draft.range,
      from,
      to,
      topic: draft.topic || undefined,
      sentiment: SENTIMENTS.filter((s) => draft.sentiment.includes(s)),
      emotion: EMOTIONS.filter((s) => draft.emotion.includes(s)),
      stance: STANCES.filter((s) => draft.stance.includes(s)),
      critical: draft.critical === '' ? undefined : draft.critical === 'true',
      platform: draft.platform || undefined,
      region: draft.region || undefined,
      story: draft.story.trim() || undefined,
      q: draft.q.trim() || undefined,
      sort: filters.sort,
      order: filters.order,
    });
  }

  function reset() {
    setDraft(toDraft(EMPTY_FILTERS, timeZone));
    setProblem(null);
    onApply({ ...EMPTY_FILTERS, sort: filters.sort, order: filters.order });
  }

  return (
    <form className="filters no-print" onSubmit={submit} aria-label={t.analyst.filters} data-testid="filter-form">
      <div className="filter-row">
        <label className="field field-wide">
          <span>{t.analyst.keyword}</span>
          <input
            type="search"
            name="q"
            value={draft.q}
            placeholder={t.analyst.keywordPlaceholder}
            onChange={(e) => set('q', e.target.value)}
            maxLength={100}
          />
        </label>
        <label className="field">
          <span>{t.analyst.range}</span>
          <select name="range" value={draft.range} onChange={(e) => set('range', e.target.value as RangePreset)}>
            {RANGE_PRESETS.map((r) => (
              <option key={r} value={r}>
                {t.analyst.ranges[r]}
              </option>
            ))}
          </select>
        </label>
        {draft.range === 'custom' && (
          <>
            <label className="field">
              <span>{t.analyst.from}</span>
              <input type="datetime-local" name="from" value={draft.from} onChange={(e) => set('from', e.target.value)} />
            </label>
            <label className="field">
              <span>{t.analyst.to}</span>
              <input type="datetime-local" name="to" value={draft.to} onChange={(e) => set('to', e.target.value)} />
            </label>
          </>
        )}
        <label className="field">
          <span>{t.analyst.topic}</span>
          <select name="topic" value={draft.topic} onChange={(e) => set('topic', e.target.value)}>
            <option value="">{t.common.all}</option>
            {meta?.topics.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.name[lang]}
              </option>
            ))}
            {draft.topic && !meta?.topics.some((tp) => tp.id === draft.topic) && <option value={draft.topic}>{draft.topic}</option>}
          </select>
        </label>
        <label className="field">
          <span>{t.analyst.critical}</span>
          <select name="critical" value={draft.critical} onChange={(e) => set('critical', e.target.value as Draft['critical'])}>
            <option value="">{t.common.all}</option>
            <option value="true">{t.analyst.criticalOnly}</option>
            <option value="false">{t.analyst.criticalNot}</option>
          </select>
        </label>
        <label className="field">
          <span>{t.analyst.platform}</span>
          <select name="platform" value={draft.platform} onChange={(e) => set('platform', e.target.value)}>
            <option value="">{t.common.all}</option>
            {[...new Set([...(meta?.platforms ?? []), ...(draft.platform ? [draft.platform] : [])])].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t.analyst.region}</span>
          <select name="region" value={draft.region} onChange={(e) => set('region', e.target.value)}>
            <option value="">{t.common.all}</option>
            {[...new Set([...(meta?.regions ?? []), ...(draft.region ? [draft.region] : [])])].map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        {draft.story && (
          <label className="field">
            <span>{t.analyst.story}</span>
            <input type="text" name="story" value={draft.story} onChange={(e) => set('story', e.target.value)} size={12} />
          </label>
        )}
      </div>
      <div className="filter-row">
        <CheckGroup legend={t.sentiment.label} name="sentiment" values={SENTIMENTS} labels={t.sentiment} picked={draft.sentiment} onChange={(v) => set('sentiment', v)} />
        <CheckGroup legend={t.emotion.label} name="emotion" values={EMOTIONS} labels={t.emotion} picked={draft.emotion} onChange={(v) => set('emotion', v)} />
        <CheckGroup legend={t.stance.label} name="stance" values={STANCES} labels={t.stance} picked={draft.stance} onChange={(v) => set('stance', v)} />
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t.analyst.apply}
          </button>
          <button type="button" onClick={reset}>
            {t.analyst.reset}
          </button>
        </div>
      </div>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function CheckGroup<T extends string>({
  legend,
  name,
  values,
  labels,
  picked,
  onChange,
}: {
  legend: string;
  name: string;
  values: readonly T[];
  labels: Record<T, string>;
  picked: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}>
          <input type="checkbox" name={name} value={v} checked={picked.includes(v)} onChange={(e) => onChange(toggle(picked, v, e.target.checked))} />
          {labels[v]}
        </label>
      ))}
    </fieldset>
  );
}
