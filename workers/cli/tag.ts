import { mentionUid, type Mention } from '../../shared/contracts/mention.js';
import type { Tags } from '../../shared/contracts/tags.js';
import { createTagger, type TagContext } from '../nlp/tagger.js';
import { BoundedMap } from '../stories/bounded-map.js';
import { assignStory, MemoryStoryIndex } from '../stories/index.js';
import { mentionLines } from './read-lines.js';

/** Earlier mentions kept for thread context: about this many, least recently used dropped first. */
const CONTEXT_CAPACITY = 500_000;
/** Output is written in chunks of about this size (and at least once per input chunk). */
const FLUSH_CHARS = 64 * 1024;

/**
 * `yuqing tag` (design.md §2): Mention JSON lines on stdin → one line per mention on stdout, in
 * order: `{"id": …, "tags": Tags}`, or `{"id": null, "error": "…", "line": N}` (1-based) for a line
 * that is not JSON or not a valid Mention. Blank lines produce no output. Earlier mentions are kept
 * (bounded) so a reply is tagged against its root and parent and joins their story. Nothing but
 * result lines goes to stdout; exit code 0.
 */
export async function main(_args: string[]): Promise<void> {
  const out = createOutput(process.stdout);
  const tagger = createTagger();
  const stories = new MemoryStoryIndex();
  const seen = new BoundedMap<{ text: string; official: boolean }>(CONTEXT_CAPACITY / 2);

  for await (const r of mentionLines(process.stdin)) {
    if (!r.ok) {
      await out.write(JSON.stringify({ id: null, error: r.error, line: r.line }) + '\n');
      continue;
    }
    const m = r.mention;
    const uid = mentionUid(m);
    let line: string;
    try {
      const { normalised, ...tags } = tagger.tag(m, contextOf(m, seen));
      const storyId = assignStory(
        { uid, platform: m.platform, kind: m.kind, rootId: m.rootId, parentId: m.parentId, text: normalised },
        stories,
      );
      const result: Tags = { ...tags, storyId };
      line = JSON.stringify({ id: m.id, tags: result });
    } catch (err) {
      // One text that trips a bug must not end the run or shift the output lines.
      line = JSON.stringify({ id: null, error: `tagging failed: ${(err as Error).message}`, line: r.line });
    }
    seen.set(uid, { text: m.text, official: m.author?.official === true });
    await out.write(line + '\n');
  }
  await out.end();
}

function contextOf(m: Mention, seen: BoundedMap<{ text: string; official: boolean }>): TagContext {
  if (m.kind === 'post') return {};
  const root = m.rootId === undefined ? undefined : seen.get(mentionUid({ platform: m.platform, id: m.rootId }));
  const parent = m.parentId === undefined ? undefined : seen.get(mentionUid({ platform: m.platform, id: m.parentId }));
  return {
    ...(root ? { root: { text: root.text, official: root.official } } : {}),
    ...(parent ? { parent: { text: parent.text } } : {}),
  };
}

/**
 * Buffered stdout that respects backpressure: `write` resolves at once unless the pipe is full, in
 * which case it waits for 'drain'. Small outputs are flushed on the next turn of the event loop so
 * an interactive reader is not kept waiting for a full chunk.
 */
function createOutput(stream: NodeJS.WriteStream) {
  let buffer = '';
  let scheduled = false;
  let drain: Promise<void> | undefined;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    // The reader went away (e.g. `| head`): nothing left to do.
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const flush = () => {
    scheduled = false;
    if (buffer === '') return;
    const ok = stream.write(buffer);
    buffer = '';
    if (!ok && !drain) {
      drain = new Promise<void>((resolve) =>
        stream.once('drain', () => {
          drain = undefined;
          resolve();
        }),
      );
    }
  };
  return {
    async write(text: string): Promise<void> {
      buffer += text;
      if (buffer.length >= FLUSH_CHARS) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
      if (drain) await drain;
    },
    async end(): Promise<void> {
      flush();
      if (drain) await drain;
    },
  };
}
