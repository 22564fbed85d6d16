import type { Executor } from '../../../shared/store/store.js';
import type { Rule } from '../rules.js';

/** One condition that holds now, for one rule and one key (a topic, an incident's mark, a story…). */
export interface Finding {
  key: string;
  title: string;
  body: string;
  /** Dashboard path of the filter or incident behind it. */
  link: string;
}

export interface EvalContext {
  db: Executor;
  now: number;
}

/** Each kind's evaluator: the findings of every rule of that kind, by rule id (absent: nothing holds). */
export type Evaluator = (ctx: EvalContext, rules: readonly Rule[]) => Promise<Map<number, Finding[]>>;

export function analystLink(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  return `/analyst?${q.toString()}`;
}

export const iso = (ms: number) => new Date(ms).toISOString();
