import type { AlertKind, AlertRuleInput, AlertRuleView, AlertScope, AlertSeverity } from '../../../../shared/contracts/alerts.js';

/**
 * The rule form's state: what the administrator typed, as text, so a half-typed number is kept as
 * typed. `toInput` turns it into the API's body; an empty number field takes the server's default
 * and anything the server does not accept comes back as its 400 reason, shown beside the form.
 */
export interface KeywordRuleDraft {
  any: string;
  all: string;
  none: string;
}

export interface RuleDraft {
  name: string;
  enabled: boolean;
  severity: AlertSeverity;
  kind: AlertKind;
  keyword: { rules: KeywordRuleDraft[]; exclude: string };
  /** Numeric settings of the volume kinds and the others, by field name (windowMinutes, alpha, …). */
  numbers: Record<string, string>;
  share: 'negative' | 'critical';
  marks: number[];
  scope: AlertScope;
  cooldownMinutes: string;
  quietStart: string;
  quietEnd: string;
  contactPoints: number[];
  escalationAfter: string;
  escalationContactPoints: number[];
}

/** Which numeric fields each kind has (the order they are shown in). */
export const NUMBER_FIELDS: Record<AlertKind, readonly string[]> = {
  keyword: [],
  surge: ['windowMinutes', 'alpha', 'minCount', 'minRatio'],
  share_surge: ['windowMinutes', 'alpha', 'minTotal', 'minRise'],
  new_incident: [],
  response_clock: ['warnBeforeMinutes'],
  answer_ineffective: ['minRatio', 'minAfterResponses'],
};

const EMPTY_RULE: KeywordRuleDraft = { any: '', all: '', none: '' };

/** Keywords typed one per line or separated by commas (either width). */
export function splitWords(s: string): string[] {
  return s
    .split(/[\n,，、]/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
}

const joinWords = (ws: readonly string[]) => ws.join(', ');

export function emptyDraft(): RuleDraft {
  return {
    name: '',
    enabled: true,
    severity: 'warning',
    kind: 'keyword',
    keyword: { rules: [{ ...EMPTY_RULE }], exclude: '' },
    numbers: {},
    share: 'negative',
    marks: [5, 24, 48],
    scope: { topics: [], regions: [], platforms: [], languages: [] },
    cooldownMinutes: '15',
    quietStart: '',
    quietEnd: '',
    contactPoints: [],
    escalationAfter: '',
    escalationContactPoints: [],
  };
}

export function draftOf(rule: AlertRuleView): RuleDraft {
  const d = emptyDraft();
  const c = rule.condition;
  const numbers: Record<string, string> = {};
  for (const f of NUMBER_FIELDS[c.kind]) {
    const v = (c as unknown as Record<string, unknown>)[f];
    if (typeof v === 'number') numbers[f] = String(v);
  }
  return {
    ...d,
    name: rule.name,
    enabled: rule.enabled,
    severity: rule.severity,
    kind: c.kind,
    keyword: c.kind === 'keyword' ? { rules: c.rules.map((r) => ({ any: joinWords(r.any), all: joinWords(r.all), none: joinWords(r.none) })), exclude: joinWords(c.exclude) } : d.keyword,
    numbers,
    share: c.kind === 'share_surge' ? c.share : d.share,
    marks: c.kind === 'response_clock' ? [...c.marks] : d.marks,
    scope: rule.scope,
    cooldownMinutes: String(rule.cooldownMinutes),
    quietStart: rule.quietHours?.start ?? '',
    quietEnd: rule.quietHours?.end ?? '',
    contactPoints: rule.contactPoints,
    escalationAfter: rule.escalation ? String(rule.escalation.afterMinutes) : '',
    escalationContactPoints: rule.escalation?.contactPoints ?? [],
  };
}

/** A typed number, or undefined for an empty field (the server's default applies). */
function num(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '') return undefined;
  return Number(s.trim());
}

function condition(d: RuleDraft): AlertRuleInput['condition'] {
  const n: Record<string, number> = {};
  for (const f of NUMBER_FIELDS[d.kind]) {
    const v = num(d.numbers[f]);
    if (v !== undefined) n[f] = v;
  }
  switch (d.kind) {
    case 'keyword':
      return { kind: 'keyword', rules: d.keyword.rules.map((r) => ({ any: splitWords(r.any), all: splitWords(r.all), none: splitWords(r.none) })), exclude: splitWords(d.keyword.exclude) };
    case 'share_surge':
      return { kind: 'share_surge', share: d.share, ...n };
    case 'response_clock':
      return { kind: 'response_clock', marks: d.marks as (5 | 24 | 48)[], ...n };
    case 'new_incident':
      return { kind: 'new_incident' };
    default:
      return { kind: d.kind, ...n };
  }
}

export function toInput(d: RuleDraft): AlertRuleInput {
  const after = num(d.escalationAfter);
  const cooldown = num(d.cooldownMinutes);
  return {
    name: d.name,
    enabled: d.enabled,
    severity: d.severity,
    scope: d.scope,
    condition: condition(d),
    contactPoints: d.contactPoints,
    escalation: after === undefined && d.escalationContactPoints.length === 0 ? null : { afterMinutes: after ?? Number.NaN, contactPoints: d.escalationContactPoints },
    ...(cooldown === undefined ? {} : { cooldownMinutes: cooldown }),
    quietHours: d.quietStart === '' && d.quietEnd === '' ? null : { start: d.quietStart, end: d.quietEnd },
  };
}
