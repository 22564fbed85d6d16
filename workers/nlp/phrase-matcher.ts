/**
 * Multi-pattern substring search (Aho–Corasick over UTF-16 code units): one pass over a text finds
 * every occurrence of every phrase, overlapping ones included, which a combined RegExp cannot do
 * ("电信诈骗" and "诈骗" both match in "电信诈骗"). Used by topics, critical and stance cues.
 *
 * Latin phrases match whole words only, so "rob" does not fire inside "problem": a phrase that
 * starts (ends) with a Latin letter or digit needs a non-alphanumeric character before (after) it.
 * A plural "s"/"es" after a Latin phrase still counts as the word, and a phrase written with a
 * trailing "*" matches as a prefix ("scam*" matches "scammers").
 */
export interface PhraseHit {
  /** Index of the phrase in the list given to the constructor. */
  id: number;
  start: number;
  end: number;
}

const isAlnum = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

interface Pattern {
  id: number;
  length: number;
  latinStart: boolean;
  latinEnd: boolean;
  prefix: boolean;
}

export class PhraseMatcher {
  /** Transitions per node, keyed by code unit. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each node, including those reached through failure links. */
  private readonly out: Pattern[][] = [[]];
  readonly size: number;

  constructor(phrases: readonly string[]) {
    phrases.forEach((raw, id) => {
      const prefix = raw.length > 1 && raw.endsWith('*');
      const phrase = prefix ? raw.slice(0, -1) : raw;
      if (phrase.length === 0) return;
      let node = 0;
      for (let i = 0; i < phrase.length; i++) {
        const c = phrase.charCodeAt(i);
        let to = this.next[node]!.get(c);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[node]!.set(c, to);
        }
        node = to;
      }
      this.out[node]!.push({
        id,
        length: phrase.length,
        latinStart: isAlnum(phrase.charCodeAt(0)),
        latinEnd: isAlnum(phrase.charCodeAt(phrase.length - 1)),
        prefix,
      });
    });
    this.size = phrases.length;
    this.link();
  }

  private link(): void {
    const queue: number[] = [];
    for (const to of this.next[0]!.values()) queue.push(to);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      for (const [c, to] of this.next[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        const inherited = this.out[this.fail[to]!]!;
        if (inherited.length) this.out[to] = this.out[to]!.concat(inherited);
        queue.push(to);
      }
    }
  }

  /** Calls `onHit` for every whole-word-valid occurrence, in order of end position. */
  scan(text: string, onHit: (id: number, start: number, end: number) => void): void {
    let node = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      let to = this.next[node]!.get(c);
      while (to === undefined && node !== 0) {
        node = this.fail[node]!;
        to = this.next[node]!.get(c);
      }
      node = to ?? 0;
      const outs = this.out[node]!;
      for (let k = 0; k < outs.length; k++) {
        const p = outs[k]!;
        const end = i + 1;
        const start = end - p.length;
        if (p.latinStart && start > 0 && isAlnum(text.charCodeAt(start - 1))) continue;
        if (p.latinEnd && !p.prefix && end < n && isAlnum(text.charCodeAt(end)) && !pluralEnd(text, end)) continue;
        onHit(p.id, start, end);
      }
    }
  }

  /** Every hit, in order of end position. */
  findAll(text: string): PhraseHit[] {
    const hits: PhraseHit[] = [];
    this.scan(text, (id, start, end) => hits.push({ id, start, end }));
    return hits;
  }

  /** Ids of the phrases that occur, as a boolean array indexed by phrase id. */
  present(text: string, into: Uint8Array = new Uint8Array(this.size)): Uint8Array {
    this.scan(text, (id) => {
      into[id] = 1;
    });
    return into;
  }
}

function pluralEnd(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c !== 115 /* s */ && c !== 101 /* e */) return false;
  if (c === 115) return end + 1 >= text.length || !isAlnum(text.charCodeAt(end + 1));
  return text.charCodeAt(end + 1) === 115 && (end + 2 >= text.length || !isAlnum(text.charCodeAt(end + 2)));
}

/**
 * Drops hits that lie inside a longer hit, so "是不是谣言" is read as one question and not also as
 * "不是谣言" and "谣言". Hits must come from one scan (ordered by end).
 */
export function outermostHits(hits: PhraseHit[]): PhraseHit[] {
  if (hits.length < 2) return hits;
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseHit[] = [];
  let coverEnd = -1;
  for (const h of sorted) {
    if (h.end <= coverEnd) continue;
    kept.push(h);
    coverEnd = h.end;
  }
  return kept;
}
