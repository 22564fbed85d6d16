import { createTagger } from '../nlp/tagger.js';
import { loadRumourModel } from '../rumour/model.js';
import { createThreadScorer } from '../rumour/threads.js';
import { mentionLines, writeOut } from './read-lines.js';

/**
 * `yuqing rumours` (design.md §2): Mention JSON lines (roots and replies, in time order) on stdin;
 * at the end one line per thread root on stdout:
 * `{"rootId": …, "score": 0..1, "needsClarification": boolean, "signals": {…}}`, in the order the
 * roots appeared. `--max-replies N` uses only the first N replies (and reposts) of each thread.
 * Malformed lines are skipped and counted on stderr; stdout carries results only; exit code 0.
 * The scoring is the live pipeline's own (workers/rumour).
 */
export async function main(args: string[]): Promise<void> {
  const maxReplies = parseMaxReplies(args);
  if (maxReplies === null) {
    process.stderr.write('usage: yuqing rumours [--max-replies N]  (N a whole number ≥ 0)\n');
    process.exitCode = 2;
    return;
  }
  const scorer = createThreadScorer({ tagger: createTagger(), model: loadRumourModel(), ...(maxReplies === undefined ? {} : { maxReplies }) });
  let malformed = 0;
  let firstError: string | undefined;
  for await (const r of mentionLines(process.stdin)) {
    if (!r.ok) {
      malformed++;
      firstError ??= `line ${r.line}: ${r.error}`;
      continue;
    }
    try {
      scorer.add(r.mention);
    } catch (err) {
      // One text that trips a bug must not lose every other thread's result.
      malformed++;
      firstError ??= `line ${r.line}: ${(err as Error).message}`;
    }
  }
  if (malformed > 0) process.stderr.write(`yuqing rumours: skipped ${malformed} malformed line(s); first: ${firstError}\n`);
  let chunk = '';
  for (const t of scorer.results()) {
    const { early: _early, ...signals } = t.signals;
    chunk += JSON.stringify({ rootId: t.rootId, score: t.score, needsClarification: t.needsClarification, signals }) + '\n';
    if (chunk.length > 64 * 1024) {
      await writeOut(chunk);
      chunk = '';
    }
  }
  if (chunk) await writeOut(chunk);
}

/** undefined: no limit; null: invalid. Accepts `--max-replies N` and `--max-replies=N`. */
export function parseMaxReplies(args: string[]): number | undefined | null {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--max-replies') {
      value = args[i + 1];
      if (value === undefined) return null;
      i++;
    } else if (a.startsWith('--max-replies=')) value = a.slice('--max-replies='.length);
    else process.stderr.write(`yuqing rumours: ignoring unknown option ${a}\n`);
  }
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) return null;
  return Number(value);
}
