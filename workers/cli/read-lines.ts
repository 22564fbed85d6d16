import readline from 'node:readline';
import { parseMention, type Mention } from '../../shared/contracts/mention.js';

export type LineResult = { line: number; ok: true; mention: Mention } | { line: number; ok: false; error: string };

/** Mention JSON lines from a stream, in order, each parsed and validated; blank lines are skipped. */
export async function* mentionLines(input: NodeJS.ReadableStream): AsyncGenerator<LineResult> {
  let line = 0;
  for await (const raw of readline.createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      yield { line, ok: false, error: 'line is not valid JSON' };
      continue;
    }
    const r = parseMention(value);
    yield r.ok ? { line, ok: true, mention: r.mention } : { line, ok: false, error: r.error };
  }
}

/** Writes to stdout, waiting when the pipe is full so large inputs stream in bounded memory. */
export async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
}
