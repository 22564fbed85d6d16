import { cueList, REPORTS, JUDGEMENT_NEGATORS, RHETORICAL_DENIAL, JUDGEMENT_PHRASES, JUDGEMENTS, PRAISE, TARGETS, WRONGDOERS } from './lexicon/critical-cues.js';
import { PhraseMatcher } from './phrase-matcher.js';
import type { SentimentResult } from './sentiment.js';

export const Cue = { Target: 1, Judgement: 2, Praise: 4, Wrongdoer: 8, Report: 16 } as const;
type Cue = (typeof Cue)[keyof typeof Cue];

/** Negative sentiment strong enough to count as criticism when an authority is named. */
export const CRITICAL_SENTIMENT = -0.5;

interface CueSet {
  matcher: PhraseMatcher;
  kinds: number[];
  lengths: number[];
}

let cues: CueSet | undefined;

function cueSet(): CueSet {
  if (cues) return cues;
  const phrases: string[] = [];
  const kinds: number[] = [];
  const add = (list: string[], kind: Cue) => {
    for (const p of list) {
      phrases.push(p);
      kinds.push(kind);
    }
  };
  add(cueList(TARGETS), Cue.Target);
  add([...cueList(JUDGEMENTS), ...JUDGEMENT_PHRASES], Cue.Judgement);
  add(cueList(PRAISE), Cue.Praise);
  add(cueList(WRONGDOERS), Cue.Wrongdoer);
  add(REPORTS, Cue.Report);
  cues = { matcher: new PhraseMatcher(phrases), kinds, lengths: phrases.map((p) => p.length) };
  return cues;
}

export interface CriticalInput {
  /** Normalised own words (or the quoted text for a plain repost). */
  text: string;
  sentiment: SentimentResult;
  /** True for a reply in a thread whose root an official (police) account posted: the thread is the target. */
  repliesToOfficial?: boolean;
  /** A sarcasm emoticon or emoji ([微笑], 🙃) came with the text: its praise is not meant. */
  sarcastic?: boolean;
}

/**
 * Criticism of the authorities needs someone to criticise and a judgement of them:
 * - an authority target (警察, 城管, 政府, police, officials …), or a reply under an official account's post;
 * - and a judgement cue (不作为, 踢皮球, 暴力执法, corrupt …) not itself negated ("没有推诿"),
 *   or, with an explicit target only, clearly negative sentiment that is not praise and not aimed at a wrongdoer.
 * Praise of police ("感谢民警"), plain negative text without a target, and reports of what the
 * police said or did ("警方通报…", "police say…", whose tone is the event's) are not critical
 * without a judgement cue.
 */
export function isCritical(input: CriticalInput, found = criticalCues(input.text)): boolean {
  const target = (found & Cue.Target) !== 0;
  if (found & Cue.Judgement) return target || input.repliesToOfficial === true;
  if (!target) return false;
  if (found & (Cue.Wrongdoer | Cue.Report)) return false;
  if (found & Cue.Praise && input.sarcastic !== true) return false;
  // The learned sentiment model gives news of a crime a negative lean: only a text it labels
  // negative, and clearly so, counts.
  return input.sentiment.label === 'negative' && input.sentiment.score <= CRITICAL_SENTIMENT;
}

/**
 * Which kinds of cue a text holds, as a bit mask of `Cue` (judgements that are negated or
 * rhetorically denied do not count). The critical model reads these too.
 */
export function criticalCues(text: string): number {
  const { matcher, kinds, lengths } = cueSet();
  let found = 0;
  matcher.scan(text, (id, start) => {
    const kind = kinds[id]!;
    if (kind === Cue.Judgement && isDenied(text, start)) return;
    // "冒充公检法", "自称公安局", "posing as police": the scammer is the subject, not the authority;
    // so is a quoted one that calls ("接到“公检法”电话"): the quotes say it only claimed to be.
    if (kind === Cue.Target && IMPERSONATED.test(text.slice(Math.max(0, start - 12), start))) return;
    if (kind === Cue.Target && /["“「'‘]$/.test(text.slice(0, start)) && QUOTED_CALLER.test(text.slice(start + lengths[id]!, start + lengths[id]! + 8))) return;
    found |= kind;
  });
  return found;
}

/** A judgement right after a negation ("没有推诿") or in a clause that denies it ("谁说…不作为") does not count. */
function isDenied(text: string, start: number): boolean {
  if (JUDGEMENT_NEGATORS.test(text.slice(Math.max(0, start - 4), start))) return true;
  let clauseStart = start;
  while (clauseStart > 0 && !CLAUSE_END.test(text[clauseStart - 1]!)) clauseStart--;
  return RHETORICAL_DENIAL.test(text.slice(clauseStart, start));
}

const CLAUSE_END = /[,.!?;。~…\n]/;
const QUOTED_CALLER = /^["”」'’](的)?(电话|来电|短信|打来|工作人员|客服)/;
const IMPERSONATED = /(冒充|假冒|自称|假扮|伪装成|冒称)["“「]?$|\b(posing as|pretending to be|impersonating|fake) (a |the )?$/i;
