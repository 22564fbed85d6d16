import { sql } from 'kysely';
import type { Executor } from '../store.js';
import { chunksOf } from './chunks.js';

/**
 * Keyword alert hits, a rollup written by the workers in the batch's own transaction (migration
 * 31): per rule and minute of created_at, how many newly stored mentions matched, and the uids of
 * the first few. The alert evaluator reads these rows, never the mentions.
 */

/** Uids kept per (rule, minute): enough to quote the loudest of them in the alert. */
export const KEYWORD_SAMPLE_MAX = 5;

export interface KeywordHit {
  ruleId: number;
  minute: number;
  n: number;
  /** At most KEYWORD_SAMPLE_MAX. */
  sampleUids: string[];
}

/** Sums matches in memory per (rule, minute), so a batch writes each counter once (a PostgreSQL upsert may touch a row once per statement). */
export class KeywordHitDeltas {
  private readonly byKey = new Map<string, KeywordHit>();

  add(ruleId: number, createdAt: number, uid: string): void {
    const minute = Math.floor(createdAt / 60_000);
    const k = `${ruleId}:${minute}`;
    const h = this.byKey.get(k);
    if (!h) this.byKey.set(k, { ruleId, minute, n: 1, sampleUids: [uid] });
    else {
      h.n++;
      if (h.sampleUids.length < KEYWORD_SAMPLE_MAX) h.sampleUids.push(uid);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Sorted by key, so concurrent PostgreSQL writers lock rows in one order. */
  values(): KeywordHit[] {
    return [...this.byKey.values()].sort((a, b) => a.ruleId - b.ruleId || a.minute - b.minute);
  }
}

/**
 * Adds hits (n = n + excluded.n). Samples are appended while the stored row has fewer than
 * KEYWORD_SAMPLE_MAX hits, by splicing the two JSON arrays as text ("[a]" + "[b]" → "[a,b]"), which
 * reads the same on both backends; so a row holds at most 2 × KEYWORD_SAMPLE_MAX − 1 uids.
 */
export async function addKeywordHits(tx: Executor, hits: readonly KeywordHit[] | KeywordHitDeltas): Promise<void> {
  const list = hits instanceof KeywordHitDeltas ? hits.values() : hits;
  for (const c of chunksOf(list, 4)) {
    if (c.length === 0) continue;
    await tx
      .insertInto('alert_keyword_hits')
      .values(c.map((h) => ({ rule_id: h.ruleId, minute: h.minute, n: h.n, sample_uids: JSON.stringify(h.sampleUids.slice(0, KEYWORD_SAMPLE_MAX)) })))
      .onConflict((oc) =>
        oc.columns(['rule_id', 'minute']).doUpdateSet((eb) => ({
          n: eb('alert_keyword_hits.n', '+', eb.ref('excluded.n')),
          sample_uids: sql<string>`CASE WHEN alert_keyword_hits.n >= ${KEYWORD_SAMPLE_MAX} THEN alert_keyword_hits.sample_uids
            ELSE substr(alert_keyword_hits.sample_uids, 1, length(alert_keyword_hits.sample_uids) - 1) || ',' || substr(excluded.sample_uids, 2) END`,
        })),
      )
      .execute();
  }
}

/** Hits of the given rules in minutes [fromMinute, toMinute], through the primary key (rule_id, minute). */
export async function keywordHitsIn(db: Executor, ruleIds: readonly number[], fromMinute: number, toMinute: number): Promise<KeywordHit[]> {
  if (ruleIds.length === 0) return [];
  const rows = await db
    .selectFrom('alert_keyword_hits')
    .select(['rule_id', 'minute', 'n', 'sample_uids'])
    .where('rule_id', 'in', [...ruleIds])
    .where('minute', '>=', fromMinute)
    .where('minute', '<=', toMinute)
    .orderBy('rule_id')
    .orderBy('minute')
    .execute();
  return rows.map((r) => ({ ruleId: Number(r.rule_id), minute: Number(r.minute), n: Number(r.n), sampleUids: parseUids(r.sample_uids) }));
}

function parseUids(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Drops hit counters older than `beforeMinute` (the evaluator only looks minutes back). */
export async function pruneKeywordHits(tx: Executor, beforeMinute: number): Promise<void> {
  await tx.deleteFrom('alert_keyword_hits').where('minute', '<', beforeMinute).execute();
}
