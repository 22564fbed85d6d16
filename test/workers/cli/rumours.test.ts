import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../support/cli.js';
import { parseMaxReplies } from '../../../workers/cli/rumours.js';
import { PLAIN_REPLIES, PLAIN_ROOT, RUMOUR_REPLIES, RUMOUR_ROOT, thread } from '../rumour/fixtures.js';

const runRumours = (input: string, args: string[] = []): Promise<CliRun> => runCli('rumours', input, args);

interface Line {
  rootId: string;
  score: number;
  needsClarification: boolean;
  signals: { counts: { responses: number }; reasons: { signal: string; examples: unknown[] }[] };
}

// Two threads interleaved in time order, with lines that are not mentions.
const rumour = thread('r1', RUMOUR_ROOT, RUMOUR_REPLIES);
const plain = thread('p1', PLAIN_ROOT, PLAIN_REPLIES, { gap: 2.5 });
const mentions = [...rumour, ...plain].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
const input = [
  ...mentions.slice(0, 5).map((m) => JSON.stringify(m)),
  'this is not json',
  JSON.stringify({ id: 'bad', platform: 'weibo', kind: 'comment', text: 'x', createdAt: '2025-03-01T09:00:00+08:00' }),
  '',
  ...mentions.slice(5).map((m) => JSON.stringify(m)),
].join('\n') + '\n';

describe('yuqing rumours', () => {
  it('writes one line per thread root, in order of appearance, and nothing else on stdout', async () => {
    const { code, stdout, stderr } = await runRumours(input);
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);
    expect(lines.map((l) => l.rootId)).toEqual(['r1', 'p1']);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['rootId', 'score', 'needsClarification', 'signals']);
      expect(l.score).toBeGreaterThanOrEqual(0);
      expect(l.score).toBeLessThanOrEqual(1);
      expect(typeof l.needsClarification).toBe('boolean');
    }
    const [r, p] = lines as [Line, Line];
    expect(r.score).toBeGreaterThan(p.score);
    expect(r.needsClarification).toBe(true);
    expect(p.needsClarification).toBe(false);
    expect(r.signals.counts.responses).toBe(RUMOUR_REPLIES.length);
    expect(r.signals.reasons.length).toBeGreaterThan(0);
    // Malformed lines are counted on stderr, not written to stdout.
    expect(stderr).toMatch(/skipped 2 malformed line/);
  });

  it('honours --max-replies N', async () => {
    const { code, stdout, stderr } = await runRumours(input, ['--max-replies', '3']);
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);
    expect(lines.map((l) => [l.rootId, l.signals.counts.responses])).toEqual([['r1', 3], ['p1', 3]]);
    const { stdout: ten } = await runRumours(input, ['--max-replies=10']);
    expect(ten.trimEnd().split('\n').map((l) => (JSON.parse(l) as Line).signals.counts.responses)).toEqual([10, 10]);
  });

  it('rejects a bad --max-replies value and prints nothing on stdout', async () => {
    const { code, stdout, stderr } = await runRumours(input, ['--max-replies', 'lots']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/usage/);
  });

  it('reads its options', () => {
    expect(parseMaxReplies([])).toBeUndefined();
    expect(parseMaxReplies(['--max-replies', '40'])).toBe(40);
    expect(parseMaxReplies(['--max-replies=10'])).toBe(10);
    expect(parseMaxReplies(['--max-replies'])).toBeNull();
    expect(parseMaxReplies(['--max-replies', '-1'])).toBeNull();
  });
});
