import { alertRuleInputSchema, type AlertScope } from '../../shared/contracts/alerts.js';
import { basicNormalise, compileWatchlist } from '../../shared/alerts/keyword-match.js';
import { listAlertRules } from '../../shared/store/repos/alerts.js';
import { KeywordHitDeltas } from '../../shared/store/repos/keyword-hits.js';
import type { Executor } from '../../shared/store/store.js';
import { toSimplified } from '../nlp/simplify.js';

/**
 * Keyword watchlists matched in the pipeline: each newly stored mention of a batch is matched
 * against the enabled keyword rules, and the hits go into alert_keyword_hits in the batch's own
 * transaction (workers/store/write-batch.ts), so the server's evaluator reads counts and never
 * scans mentions. The rules are the administrators' (alert_rules), loaded here and replaced when
 * they change (a Redis notification, or the periodic reload in main.ts).
 */

/** What a rule's scope and watchlist are matched against: the stored row and its tags. */
export interface WatchedMention {
  uid: string;
  text: string;
  createdAt: number;
  platform: string;
  lang: string;
  region: string | null;
  topics: readonly string[];
}

interface CompiledRule {
  id: number;
  scope: AlertScope;
  match: (text: string) => boolean;
}

/**
 * NFKC, lower case, then traditional → simplified: 詐騙 in a text hits a 诈骗 watchlist. Each
 * compiled rule normalises the text it is given; remembering the last one means a mention is
 * normalised once however many rules look at it.
 */
let lastIn: string | undefined;
let lastOut = '';
const normalise = (t: string) => {
  if (t !== lastIn) {
    lastOut = toSimplified(basicNormalise(t));
    lastIn = t;
  }
  return lastOut;
};

function inScope(m: WatchedMention, s: AlertScope): boolean {
  if (s.platforms.length && !s.platforms.includes(m.platform)) return false;
  if (s.languages.length && !(s.languages as string[]).includes(m.lang)) return false;
  if (s.regions.length && (m.region === null || !s.regions.includes(m.region))) return false;
  if (s.topics.length && !m.topics.some((t) => s.topics.includes(t))) return false;
  return true;
}

export interface KeywordWatch {
  /** The hits of these (newly stored) mentions, summed per rule and minute; empty when no rule matches. */
  hits(mentions: readonly WatchedMention[]): KeywordHitDeltas;
  /** Replaces the rules (from loadKeywordRules). */
  setRules(rules: readonly CompiledRule[]): void;
  ruleCount(): number;
}

/** Enabled keyword rules from the store, compiled; a stored config that no longer validates is skipped. */
export async function loadKeywordRules(db: Executor): Promise<CompiledRule[]> {
  const out: CompiledRule[] = [];
  for (const row of await listAlertRules(db, { enabledOnly: true })) {
    let raw: unknown;
    try {
      raw = JSON.parse(row.config);
    } catch {
      continue;
    }
    const r = alertRuleInputSchema.safeParse(raw);
    if (!r.success || r.data.condition.kind !== 'keyword' || !r.data.enabled) continue;
    out.push({ id: row.id, scope: r.data.scope, match: compileWatchlist(r.data.condition, normalise) });
  }
  return out;
}

export function createKeywordWatch(initial: readonly CompiledRule[] = []): KeywordWatch {
  let rules = initial;
  return {
    setRules(next) {
      rules = next;
    },
    ruleCount: () => rules.length,
    hits(mentions) {
      const out = new KeywordHitDeltas();
      if (rules.length === 0) return out;
      for (const m of mentions) {
        for (const r of rules) if (inScope(m, r.scope) && r.match(m.text)) out.add(r.id, m.createdAt, m.uid);
      }
      return out;
    },
  };
}

/**
 * A reload function for `watch`: overlapping reloads (a notification during the periodic one) are
 * fine, as only the newest started one may replace the rules.
 */
export function keywordRulesReloader(db: Executor, watch: KeywordWatch, onError: (err: Error) => void): () => Promise<void> {
  let started = 0;
  let applied = 0;
  return async () => {
    const mine = ++started;
    try {
      const rules = await loadKeywordRules(db);
      if (mine > applied) {
        applied = mine;
        watch.setRules(rules);
      }
    } catch (err) {
      onError(err as Error);
    }
  };
}
